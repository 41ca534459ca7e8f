//! String and bytes literals: finding where one ends, and decoding its escapes.
//!
//! Scanning mirrors CPython's `letter_quote` branch (a backslash always protects the next
//! character; a newline ends a single-quoted literal with "unterminated string literal").
//! Decoding mirrors `decode_unicode_with_escapes` / `_PyBytes_DecodeEscape`, including the
//! byte positions CPython quotes in "(unicode error) ... in position 3-5" messages.
//! Line breaks inside literals are normalised to `\n`, as CPython's universal-newline reading
//! does. Unknown escapes such as `\d` are kept verbatim (CPython only warns).

use super::unicode_names;
use super::{line_of, line_of_last_char};
use crate::parser::RawError;

/// The prefix letters of a literal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

impl Prefix {
    pub fn parse(prefix: &str) -> Prefix {
        let mut p = Prefix::default();
        for c in prefix.chars() {
            match c.to_ascii_lowercase() {
                'r' => p.raw = true,
                'b' => p.bytes = true,
                'f' => p.fstring = true,
                _ => {}
            }
        }
        p
    }
}

/// Where a literal's parts are, as byte offsets into the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    pub body_start: usize,
    pub body_end: usize,
    /// One past the closing quote(s).
    pub end: usize,
}

/// Finds the end of the literal whose token starts at `tok_start` (prefix included) and whose
/// opening quote is at `quote_pos`.
pub fn scan(src: &str, tok_start: usize, quote_pos: usize) -> Result<Scanned, RawError> {
    let b = src.as_bytes();
    let quote = b[quote_pos];
    let triple = b.get(quote_pos + 1) == Some(&quote) && b.get(quote_pos + 2) == Some(&quote);
    let qlen = if triple { 3 } else { 1 };
    let body_start = quote_pos + qlen;
    let mut i = body_start;
    loop {
        let Some(&c) = b.get(i) else {
            // End of input inside the literal.
            let line = line_of_last_char(src);
            return Err(unterminated(tok_start, triple, line));
        };
        if c == quote {
            if !triple {
                return Ok(Scanned {
                    body_start,
                    body_end: i,
                    end: i + 1,
                });
            }
            if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                return Ok(Scanned {
                    body_start,
                    body_end: i,
                    end: i + 3,
                });
            }
        } else if (c == b'\n' || c == b'\r') && !triple {
            return Err(unterminated(tok_start, false, line_of(src, i)));
        } else if c == b'\\' {
            i += 1;
            if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        }
        i += 1;
    }
}

fn unterminated(tok_start: usize, triple: bool, line: usize) -> RawError {
    let what = if triple {
        "unterminated triple-quoted string literal"
    } else {
        "unterminated string literal"
    };
    let e = RawError::new(
        format!("{what} (detected at line {line})"),
        tok_start,
        tok_start,
    );
    // Only an unfinished triple-quoted literal can be completed by more input lines.
    if triple {
        e.incomplete()
    } else {
        e
    }
}

/// Replaces `\r\n` and lone `\r` with `\n`.
pub fn normalize_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\r') {
        return s.into();
    }
    s.replace("\r\n", "\n").replace('\r', "\n").into()
}

/// Decodes the body of a (non-raw unless `raw`) `str` literal. The error message is the
/// complete CPython text, e.g. "(unicode error) 'unicodeescape' codec can't decode ...".
pub fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let body = normalize_newlines(body);
    if raw || !body.contains('\\') {
        return Ok(body.into_owned());
    }
    let chars: Vec<char> = body.chars().collect();
    // CPython first rewrites non-ASCII characters as `\U%08x` (10 bytes) and a backslash in
    // front of one as `\u005c` (6 bytes); the positions in its messages count that text.
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    let mut vpos = 0usize;
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            vpos += width(c);
            i += 1;
            continue;
        }
        let start = vpos;
        let Some(&e) = chars.get(i + 1) else {
            out.push('\\');
            break;
        };
        if !e.is_ascii() {
            // Not an escape: keep the backslash.
            out.push('\\');
            vpos += 6;
            i += 1;
            continue;
        }
        i += 2;
        vpos += 2;
        let simple = match e {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.get(i) {
                        Some(&d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            i += 1;
                            vpos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (count, msg) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match chars.get(i).and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                            vpos += 1;
                        }
                        None => return Err(unicode_error(start, vpos, msg)),
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    // Lone surrogates cannot live in a Rust string; CPython accepts them.
                    None if v < 0x110000 => out.push('\u{fffd}'),
                    None => return Err(unicode_error(start, vpos, "illegal Unicode character")),
                }
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                if chars.get(i) != Some(&'{') {
                    return Err(unicode_error(start, vpos, malformed));
                }
                i += 1;
                vpos += 1;
                let name_start = i;
                while i < chars.len() && chars[i] != '}' {
                    vpos += width(chars[i]);
                    i += 1;
                }
                if i >= chars.len() || i == name_start {
                    return Err(unicode_error(start, vpos, malformed));
                }
                let name: String = chars[name_start..i].iter().collect();
                i += 1;
                vpos += 1;
                match unicode_names::lookup(&name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(start, vpos, "unknown Unicode character name"))
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

fn unicode_error(start: usize, end: usize, msg: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {msg}",
        start,
        end.saturating_sub(1).max(start)
    )
}

/// Decodes the body of a bytes literal. Non-ASCII characters are rejected by the caller.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    let body = normalize_newlines(body);
    let b = body.as_bytes();
    if raw || !b.contains(&b'\\') {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' || i + 1 >= b.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        let start = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // CPython truncates `\777` to a byte.
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = |k: usize| b.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {start}"
                        ))
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_single_triple_and_escaped_quotes() {
        let src = r#"x = 'a\'b' + """q"q""" "#;
        let q = src.find('\'').unwrap();
        let s = scan(src, q, q).unwrap();
        assert_eq!(&src[s.body_start..s.body_end], r"a\'b");
        let t = src.find("\"\"\"").unwrap();
        let s = scan(src, t, t).unwrap();
        assert_eq!(&src[s.body_start..s.body_end], "q\"q");
        assert_eq!(s.end, src.len() - 1);
    }

    #[test]
    fn unterminated_literals_report_detection_line() {
        let e = scan("x = 'abc\ny = 2\n", 4, 4).unwrap_err();
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!((e.start, e.incomplete), (4, false));
        let e = scan("x = \"abc\\\ndef\n", 4, 4).unwrap_err();
        assert_eq!(e.msg, "unterminated string literal (detected at line 2)");
        let e = scan("x = \"\"\"abc\n\ny\n", 4, 4).unwrap_err();
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 3)"
        );
        assert!(e.incomplete);
    }

    #[test]
    fn decodes_str_escapes() {
        assert_eq!(
            decode_str(r"a\n\t\\\'\x41\u00e9\U0001F40D\101\0\z", false).unwrap(),
            "a\n\t\\'Aé🐍A\0\\z"
        );
        assert_eq!(decode_str("a\\\nb", false).unwrap(), "ab");
        assert_eq!(decode_str(r"\N{BULLET}x", false).unwrap(), "•x");
        assert_eq!(decode_str(r"a\nb", true).unwrap(), r"a\nb");
        assert_eq!(decode_str("a\r\nb", true).unwrap(), "a\nb");
    }

    #[test]
    fn str_escape_errors_quote_cpython_positions() {
        let p = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(
            decode_str(r"\x4", false).unwrap_err(),
            format!("{p} 0-2: truncated \\xXX escape")
        );
        assert_eq!(
            decode_str(r"é\x4", false).unwrap_err(),
            format!("{p} 10-12: truncated \\xXX escape")
        );
        assert_eq!(
            decode_str(r"\u12", false).unwrap_err(),
            format!("{p} 0-3: truncated \\uXXXX escape")
        );
        assert_eq!(
            decode_str(r"\U00110000", false).unwrap_err(),
            format!("{p} 0-9: illegal Unicode character")
        );
        assert_eq!(
            decode_str(r"\N", false).unwrap_err(),
            format!("{p} 0-1: malformed \\N character escape")
        );
        assert_eq!(
            decode_str(r"\N{", false).unwrap_err(),
            format!("{p} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            decode_str(r"\N{foo}", false).unwrap_err(),
            format!("{p} 0-6: unknown Unicode character name")
        );
    }

    #[test]
    fn decodes_bytes() {
        assert_eq!(
            decode_bytes(r"a\x41\777\n\u1234", false).unwrap(),
            b"aA\xff\n\\u1234".to_vec()
        );
        assert_eq!(
            decode_bytes(r"ab\x4", false).unwrap_err(),
            "(value error) invalid \\x escape at position 2"
        );
        assert_eq!(decode_bytes(r"\x", true).unwrap(), b"\\x".to_vec());
    }
}
