//! Parser tests: AST shapes (compared with `ast.dump` output of CPython 3.11) and the
//! rendered text of syntax errors (compared with what `python3 file.py` prints).

mod dump;

/// Development aid: dumps every snippet of the file named by `PYRENA_DUMP_IN` (snippets
/// separated by a U+001E line) so the output can be diffed against CPython.
#[test]
#[ignore]
fn dev_dump() {
    let Ok(path) = std::env::var("PYRENA_DUMP_IN") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for src in text.split("\u{1e}\n") {
        match crate::parser::parse_module(src, "/tmp/pyx/x.py") {
            Ok(m) => out.push_str(&dump::module(&m)),
            Err(e) => out.push_str(&format!("ERR\n{}", e.render())),
        }
        out.push_str("\u{1e}\n");
    }
    std::fs::write(std::env::var("PYRENA_DUMP_OUT").unwrap(), out).unwrap();
}

#[test]
fn dbg_tmp() {
    for src in ["x = \0\n"] {
        let toks: Vec<_> = crate::lexer::tokenize(src).collect();
        eprintln!("{toks:?}");
        let e = crate::parser::parse_module(src, "x.py");
        eprintln!("{:?}", e.err());
    }
}
