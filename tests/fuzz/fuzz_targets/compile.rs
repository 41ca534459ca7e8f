//! Lexer, parser and compiler on arbitrary input: whatever parses must compile to a code
//! object or give a SyntaxError (the compiler's own checks), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrena::compiler::{compile_module, Mode};

thread_local! {
    static INTERP: std::cell::RefCell<pyrena::Interpreter> =
        std::cell::RefCell::new(pyrena::Interpreter::new());
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let Ok(module) = pyrena::parser::parse_module(&source, "<fuzz>") else {
        return;
    };
    INTERP.with(|i| {
        let mut interp = i.borrow_mut();
        if let Err(e) = compile_module(interp.vm(), &module, &source, "<fuzz>", Mode::Exec) {
            let _ = e.render();
        }
    });
});
