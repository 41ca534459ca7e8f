//! The three codecs Pyrena ships — UTF-8, ASCII and Latin-1 — with CPython's error handlers
//! (`strict`, `ignore`, `replace`, `backslashreplace`, and `xmlcharrefreplace` for encoding).
//!
//! Pure functions: a failure is a [`CodecError`] holding the range and reason CPython puts
//! in its `UnicodeDecodeError`/`UnicodeEncodeError`; encode positions count code points.
//! UTF-8 decoding reports maximal invalid subparts, as CPython does (and as Rust's
//! `Utf8Error::error_len` defines them), so error ranges and `replace` output agree.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// Finds a codec by any of CPython's spellings (`'UTF8'`, `'utf_8'`, `'iso-8859-1'`...).
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '_' | ' ' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
            "ascii" | "us-ascii" | "646" | "us" => Some(Codec::Ascii),
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859"
            | "cp819" | "iso-ir-100" => Some(Codec::Latin1),
            _ => None,
        }
    }

    /// The name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// An error handler, as named by the `errors=` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// A name CPython would look up only when an error occurs.
    Other(String),
}

impl Handler {
    pub fn parse(name: &str) -> Handler {
        match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            other => Handler::Other(other.to_string()),
        }
    }
}

/// Why a conversion stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// A strict failure over `[start, end)` (bytes when decoding, code points when encoding).
    Failed {
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// An error occurred and the handler name is not known.
    UnknownHandler(String),
    /// The handler cannot deal with this direction (`xmlcharrefreplace` while decoding).
    WrongHandler,
}

pub fn decode(codec: Codec, data: &[u8], h: &Handler) -> Result<String, CodecError> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let (good, bad_end, reason) = match codec {
            Codec::Utf8 => match std::str::from_utf8(&data[pos..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let start = pos + e.valid_up_to();
                    match e.error_len() {
                        Some(n) => {
                            let lead = data[start];
                            let bad_lead = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
                            let reason = if n == 1 && bad_lead {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (start, start + n, reason)
                        }
                        None => (start, data.len(), "unexpected end of data"),
                    }
                }
            },
            Codec::Ascii => match data[pos..].iter().position(|&b| b >= 0x80) {
                None => (data.len(), data.len(), ""),
                Some(i) => (pos + i, pos + i + 1, "ordinal not in range(128)"),
            },
            Codec::Latin1 => {
                out.extend(data[pos..].iter().map(|&b| b as char));
                break;
            }
        };
        // Everything in [pos, good) is valid text.
        match codec {
            Codec::Utf8 => out.push_str(std::str::from_utf8(&data[pos..good]).unwrap_or("")),
            _ => out.extend(data[pos..good].iter().map(|&b| b as char)),
        }
        if good == bad_end {
            break;
        }
        match h {
            Handler::Strict => {
                return Err(CodecError::Failed {
                    start: good,
                    end: bad_end,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for b in &data[good..bad_end] {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            Handler::XmlCharRefReplace => return Err(CodecError::WrongHandler),
            Handler::Other(n) => return Err(CodecError::UnknownHandler(n.clone())),
        }
        pos = bad_end;
    }
    Ok(out)
}

pub fn encode(codec: Codec, s: &str, h: &Handler) -> Result<Vec<u8>, CodecError> {
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80u32,
        Codec::Latin1 => 0x100u32,
    };
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters at once.
        let mut j = i + 1;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match h {
            Handler::Strict => {
                return Err(CodecError::Failed {
                    start: i,
                    end: j,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', j - i)),
            Handler::BackslashReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            Handler::Other(n) => return Err(CodecError::UnknownHandler(n.clone())),
        }
        i = j;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`: how CPython's messages and `backslashreplace` spell a
/// code point.
pub fn escape_char(c: char) -> String {
    let v = c as u32;
    if v <= 0xff {
        format!("\\x{v:02x}")
    } else if v <= 0xffff {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(start: usize, end: usize, reason: &'static str) -> CodecError {
        CodecError::Failed { start, end, reason }
    }

    #[test]
    fn utf8_error_ranges_match_cpython() {
        let s = Handler::Strict;
        let d = |b: &[u8]| decode(Codec::Utf8, b, &Handler::Strict);
        assert_eq!(d(b"\xff"), Err(fail(0, 1, "invalid start byte")));
        assert_eq!(
            d(b"a\xe2\x28\xa1"),
            Err(fail(1, 2, "invalid continuation byte"))
        );
        assert_eq!(
            d(b"\xe2\x82\x28"),
            Err(fail(0, 2, "invalid continuation byte"))
        );
        assert_eq!(d(b"ab\xe2\x82"), Err(fail(2, 4, "unexpected end of data")));
        assert_eq!(
            d(b"\xed\xa0\x80"),
            Err(fail(0, 1, "invalid continuation byte"))
        );
        assert_eq!(
            decode(Codec::Utf8, "h\u{e9}".as_bytes(), &s).unwrap(),
            "h\u{e9}"
        );
        let r = decode(Codec::Utf8, b"a\xffb\xe2\x82", &Handler::Replace).unwrap();
        assert_eq!(r, "a\u{fffd}b\u{fffd}");
        let r = decode(Codec::Utf8, b"a\xffb", &Handler::BackslashReplace).unwrap();
        assert_eq!(r, "a\\xffb");
    }

    #[test]
    fn encoders_group_runs_and_apply_handlers() {
        let e = |s: &str, h: &str| encode(Codec::Ascii, s, &Handler::parse(h));
        assert_eq!(
            e("a\u{e9}\u{20ac}b", "strict"),
            Err(fail(1, 3, "ordinal not in range(128)"))
        );
        assert_eq!(e("a\u{e9}b", "replace").unwrap(), b"a?b");
        assert_eq!(e("a\u{e9}b", "ignore").unwrap(), b"ab");
        assert_eq!(
            e("\u{e9}\u{20ac}\u{1f600}", "backslashreplace").unwrap(),
            b"\\xe9\\u20ac\\U0001f600"
        );
        assert_eq!(e("\u{e9}", "xmlcharrefreplace").unwrap(), b"&#233;");
        assert_eq!(
            encode(Codec::Latin1, "\u{e9}", &Handler::Strict).unwrap(),
            b"\xe9"
        );
        assert_eq!(
            e("\u{e9}", "bogus"),
            Err(CodecError::UnknownHandler("bogus".into()))
        );
        assert_eq!(e("abc", "bogus").unwrap(), b"abc");
        assert_eq!(Codec::lookup("UTF_8"), Some(Codec::Utf8));
        assert_eq!(Codec::lookup("ISO-8859-1"), Some(Codec::Latin1));
    }
}
