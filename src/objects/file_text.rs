//! Text-mode rules for file objects: encoding names, decoding and encoding (UTF-8, ASCII,
//! Latin-1 with strict/replace/ignore error handling), the `newline` parameter's line splitting
//! and translation, and line/char-counted reads on top of a `FileState`'s read-ahead.
//!
//! Invariant: reads only take whole lines or whole characters out of the read-ahead, so the
//! byte position stays a valid `tell()` cookie (CPython's cookie for a stateless decoder).

use crate::objects::file::FileState;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Ascii,
    Latin1,
}

impl Encoding {
    /// Looks up a codec name the way Python normalises it (case, `-`, `_`, spaces).
    pub fn lookup(name: &str) -> Option<Encoding> {
        let n: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Encoding::Utf8,
            "ascii" | "us_ascii" | "646" | "us" => Encoding::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" => Encoding::Latin1,
            _ => return None,
        })
    }

    /// The codec's canonical name, as it appears in Unicode error messages.
    pub fn codec_name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Errors {
    Strict,
    Replace,
    Ignore,
}

impl Errors {
    pub fn lookup(name: &str) -> Option<Errors> {
        Some(match name {
            "strict" => Errors::Strict,
            "replace" => Errors::Replace,
            "ignore" => Errors::Ignore,
            _ => return None,
        })
    }
}

/// The `newline` argument of `open()`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// None: universal newlines on read (`\r`, `\r\n` become `\n`), `\n` written as is
    /// (`os.linesep` is `\n` here).
    Universal,
    /// '': lines end at any of the three, nothing translated.
    Untranslated,
    /// '\n', '\r' or '\r\n': lines end only there; written `\n` become it.
    Fixed(&'static str),
}

impl Newline {
    pub fn parse(s: Option<&str>) -> Option<Newline> {
        Some(match s {
            None => Newline::Universal,
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Fixed("\n"),
            Some("\r") => Newline::Fixed("\r"),
            Some("\r\n") => Newline::Fixed("\r\n"),
            Some(_) => return None,
        })
    }

    /// Text as it goes to the encoder.
    pub fn translate_out(self, s: &str) -> std::borrow::Cow<'_, str> {
        match self {
            Newline::Fixed(nl) if nl != "\n" && s.contains('\n') => s.replace('\n', nl).into(),
            _ => s.into(),
        }
    }

    /// Decoded text as the program sees it.
    fn translate_in(self, s: String) -> String {
        if self == Newline::Universal && s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s
        }
    }

    /// Length of the line ending at the start of `b` (0 if none); `more` says whether bytes
    /// may follow `b` (then a lone final `\r` is undecided and reported as `None`).
    fn ending_at(self, b: &[u8], more: bool) -> Option<usize> {
        match self {
            Newline::Universal | Newline::Untranslated => match b {
                [b'\n', ..] => Some(1),
                [b'\r', b'\n', ..] => Some(2),
                [b'\r'] if more => None,
                [b'\r', ..] => Some(1),
                _ => Some(0),
            },
            Newline::Fixed(nl) => {
                let nl = nl.as_bytes();
                if b.starts_with(nl) {
                    Some(nl.len())
                } else if more && b.len() < nl.len() && nl.starts_with(b) {
                    None
                } else {
                    Some(0)
                }
            }
        }
    }
}

/// A decoding failure: CPython's UnicodeDecodeError message.
pub struct DecodeError(pub String);

pub fn decode(bytes: &[u8], enc: Encoding, errors: Errors) -> Result<String, DecodeError> {
    match enc {
        Encoding::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        Encoding::Ascii => {
            let mut out = String::with_capacity(bytes.len());
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors {
                        Errors::Strict => {
                            return Err(DecodeError(format!(
                                "'ascii' codec can't decode byte {b:#04x} in position {i}: \
                                 ordinal not in range(128)"
                            )))
                        }
                        Errors::Replace => out.push('\u{fffd}'),
                        Errors::Ignore => {}
                    }
                }
            }
            Ok(out)
        }
        Encoding::Utf8 => {
            let mut out = String::with_capacity(bytes.len());
            let mut rest = bytes;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY-free: the prefix was just validated.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        if errors == Errors::Strict {
                            let pos = offset + good;
                            let b = rest[good];
                            let why = utf8_reason(&rest[good..], e.error_len().is_none());
                            return Err(DecodeError(if bad > 1 {
                                format!(
                                    "'utf-8' codec can't decode bytes in position {pos}-{}: {why}",
                                    pos + bad - 1
                                )
                            } else {
                                format!(
                                    "'utf-8' codec can't decode byte {b:#04x} in position {pos}: {why}"
                                )
                            }));
                        }
                        if errors == Errors::Replace {
                            out.push('\u{fffd}');
                        }
                        offset += good + bad;
                        rest = &rest[good + bad..];
                    }
                }
            }
        }
    }
}

/// CPython's reason text for a bad UTF-8 sequence starting at `b[0]`.
fn utf8_reason(b: &[u8], truncated: bool) -> &'static str {
    if truncated {
        return "unexpected end of data";
    }
    match b[0] {
        0x80..=0xBF | 0xF8..=0xFF | 0xC0 | 0xC1 | 0xF5..=0xF7 => "invalid start byte",
        _ => "invalid continuation byte",
    }
}

/// Chunk checks for `FileState` under strict decoding (see `FileState::check`).
pub fn check_utf8(b: &[u8], eof: bool) -> Result<usize, String> {
    match std::str::from_utf8(b) {
        Ok(_) => Ok(0),
        Err(e) if e.error_len().is_none() && !eof => Ok(b.len() - e.valid_up_to()),
        Err(_) => decode(b, Encoding::Utf8, Errors::Strict)
            .map(|_| 0)
            .map_err(|e| e.0),
    }
}

pub fn check_ascii(b: &[u8], _eof: bool) -> Result<usize, String> {
    decode(b, Encoding::Ascii, Errors::Strict)
        .map(|_| 0)
        .map_err(|e| e.0)
}

/// An encoding failure: CPython's UnicodeEncodeError message.
pub struct EncodeError(pub String);

pub fn encode(s: &str, enc: Encoding, errors: Errors) -> Result<Vec<u8>, EncodeError> {
    let limit = match enc {
        Encoding::Utf8 => return Ok(s.as_bytes().to_vec()),
        Encoding::Ascii => 0x80u32,
        Encoding::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u8);
            continue;
        }
        match errors {
            Errors::Strict => {
                let cr = crate::text::str_repr::str_ascii_repr(&c.to_string());
                return Err(EncodeError(format!(
                    "'{}' codec can't encode character {cr} in position {i}: ordinal not in range({limit})",
                    enc.codec_name()
                )));
            }
            Errors::Replace => out.push(b'?'),
            Errors::Ignore => {}
        }
    }
    Ok(out)
}

/// Takes one line (with its ending) out of the read-ahead, at most `limit` characters.
pub fn read_line_bytes(
    st: &mut FileState,
    nl: Newline,
    enc: Encoding,
    limit: Option<usize>,
) -> std::io::Result<Vec<u8>> {
    if limit.is_none() {
        return read_whole_line(st, nl);
    }
    let mut scanned = 0;
    let mut chars = 0;
    loop {
        let more = !st.eof_seen();
        let avail = st.available();
        let mut i = scanned;
        let mut found = None;
        while i < avail.len() {
            if limit.is_some_and(|l| chars >= l) {
                found = Some(i);
                break;
            }
            match nl.ending_at(&avail[i..], more) {
                None => break,
                Some(0) => {}
                Some(n) => {
                    found = Some(i + n);
                    break;
                }
            }
            let w = char_width(avail[i], enc);
            if i + w > avail.len() && more {
                break;
            }
            i = (i + w).min(avail.len());
            chars += 1;
        }
        if let Some(end) = found {
            return Ok(st.consume(end));
        }
        scanned = i;
        if !st.fill()? {
            let n = st.available().len();
            return Ok(st.consume(n));
        }
    }
}

/// `read_line_bytes` without a limit: jumps between candidate line-ending bytes instead of
/// walking characters (the common path of `for line in f`).
fn read_whole_line(st: &mut FileState, nl: Newline) -> std::io::Result<Vec<u8>> {
    let first = match nl {
        Newline::Fixed(s) => s.as_bytes()[0],
        _ => b'\n',
    };
    let any_cr = matches!(nl, Newline::Universal | Newline::Untranslated);
    let mut scanned = 0;
    loop {
        let more = !st.eof_seen();
        let avail = st.available();
        let mut found = None;
        let mut i = scanned;
        loop {
            let Some(off) = avail[i..]
                .iter()
                .position(|&b| b == first || (any_cr && b == b'\r'))
            else {
                i = avail.len();
                break;
            };
            let at = i + off;
            match nl.ending_at(&avail[at..], more) {
                None => {
                    i = at;
                    break;
                }
                Some(0) => i = at + 1,
                Some(n) => {
                    found = Some(at + n);
                    break;
                }
            }
        }
        if let Some(end) = found {
            return Ok(st.consume(end));
        }
        // Rescan from an undecided `\r` (or the first byte of a split `\r\n`) after filling.
        scanned = i;
        if !st.fill()? {
            let n = st.available().len();
            return Ok(st.consume(n));
        }
    }
}

/// Takes up to `n` characters out of the read-ahead (a `\r\n` in universal mode is one).
pub fn read_chars_bytes(
    st: &mut FileState,
    nl: Newline,
    enc: Encoding,
    n: usize,
) -> std::io::Result<Vec<u8>> {
    st.ensure(n.saturating_mul(4).saturating_add(1))?;
    let avail = st.available();
    let mut i = 0;
    let mut chars = 0;
    while i < avail.len() && chars < n {
        let w = if nl == Newline::Universal && avail[i..].starts_with(b"\r\n") {
            2
        } else {
            char_width(avail[i], enc)
        };
        i = (i + w).min(avail.len());
        chars += 1;
    }
    Ok(st.consume(i))
}

/// Decodes what a read took and applies the read-side newline translation.
pub fn finish_read(
    bytes: &[u8],
    nl: Newline,
    enc: Encoding,
    errors: Errors,
) -> Result<String, DecodeError> {
    Ok(nl.translate_in(decode(bytes, enc, errors)?))
}

/// Bytes in the character that starts with `lead`.
fn char_width(lead: u8, enc: Encoding) -> usize {
    if enc != Encoding::Utf8 {
        return 1;
    }
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_errors() {
        assert_eq!(Encoding::lookup("UTF-8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::lookup("Latin-1"), Some(Encoding::Latin1));
        assert_eq!(Encoding::lookup("foo"), None);
        assert_eq!(
            decode(b"h\xc3\xa9", Encoding::Utf8, Errors::Strict).ok(),
            Some("hé".into())
        );
        let e = decode(b"ab\xff", Encoding::Utf8, Errors::Strict)
            .err()
            .unwrap();
        assert_eq!(
            e.0,
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
        assert_eq!(
            decode(b"a\xffb", Encoding::Utf8, Errors::Replace).ok(),
            Some("a\u{fffd}b".into())
        );
        let e = encode("h\u{e9}", Encoding::Ascii, Errors::Strict)
            .err()
            .unwrap();
        assert_eq!(
            e.0,
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
        );
        assert_eq!(
            encode("h\u{e9}", Encoding::Latin1, Errors::Strict).ok(),
            Some(b"h\xe9".to_vec())
        );
    }

    /// Lines whose `\r\n` straddles the 8 KiB read-ahead boundary stay whole.
    #[test]
    fn line_endings_across_chunks() {
        use crate::objects::file::{Raw, CHUNK};
        let p = std::env::temp_dir().join(format!("pyrena-lines-{}", std::process::id()));
        let mut data = vec![b'a'; CHUNK - 1];
        data.extend_from_slice(b"\r\nb\rc\r\n");
        std::fs::write(&p, &data).unwrap();
        let lines = |nl: Newline| {
            let mut st = FileState::new(Raw::File(std::fs::File::open(&p).unwrap()));
            let mut out = Vec::new();
            loop {
                let l = read_line_bytes(&mut st, nl, Encoding::Utf8, None).unwrap();
                if l.is_empty() {
                    break out;
                }
                out.push(l.len());
            }
        };
        assert_eq!(lines(Newline::Universal), vec![CHUNK + 1, 2, 3]);
        assert_eq!(lines(Newline::Fixed("\r\n")), vec![CHUNK + 1, 5]);
        assert_eq!(lines(Newline::Fixed("\n")), vec![CHUNK + 1, 5]);
        assert_eq!(lines(Newline::Fixed("\r")), vec![CHUNK, 3, 2, 1]);
        std::fs::remove_file(&p).unwrap();
    }

    #[test]
    fn newline_rules() {
        let u = Newline::Universal;
        assert_eq!(u.translate_in("a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(u.ending_at(b"\r", true), None);
        assert_eq!(u.ending_at(b"\r", false), Some(1));
        assert_eq!(u.ending_at(b"\r\nx", true), Some(2));
        assert_eq!(Newline::Fixed("\r\n").ending_at(b"\rx", true), Some(0));
        assert_eq!(Newline::Fixed("\r\n").translate_out("a\nb"), "a\r\nb");
        assert_eq!(Newline::parse(Some("x")), None);
    }
}
