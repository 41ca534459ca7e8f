//! Lexer + parser on arbitrary input: every input must give a module or a SyntaxError (with
//! a message that renders), never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    if let Err(e) = pyrena::parser::parse_module(&source, "<fuzz>") {
        let _ = e.render();
    }
});
