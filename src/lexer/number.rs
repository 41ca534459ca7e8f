//! Numeric literal scanning and evaluation, following CPython's `tok_get` number branch.
//!
//! The scanner walks the same state machine as CPython's tokenizer so that every malformed
//! literal gets the same message at the same column ("invalid decimal literal", "invalid
//! digit '8' in octal literal", the leading-zeros message, ...). Error positions follow
//! CPython's convention: the reported 1-based offset equals the number of characters consumed
//! on the line, so the raw error points at the last consumed byte.

use num_bigint::BigInt;

use super::token::Tok;
use crate::parser::RawError;

/// Scans the number starting at `start` in `src`; returns the token and its end offset.
pub fn scan_number(src: &str, start: usize) -> Result<(Tok, usize), RawError> {
    let mut s = Scanner {
        b: src.as_bytes(),
        pos: start,
        start,
    };
    s.number()?;
    let text = &src[start..s.pos];
    Ok((value(text, start)?, s.pos))
}

struct Scanner<'a> {
    b: &'a [u8],
    /// Index of the next unread byte ("cur" in CPython).
    pos: usize,
    start: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.b.get(self.pos).copied().unwrap_or(0)
    }

    /// Error at the current position: CPython reports `offset == cur`, i.e. the last
    /// consumed byte.
    fn err(&self, msg: impl Into<String>) -> RawError {
        let p = self.pos.saturating_sub(1).max(self.start);
        RawError::new(msg, p, p)
    }

    fn number(&mut self) -> Result<(), RawError> {
        let c = self.peek();
        if c == b'.' {
            self.pos += 1;
            return self.fraction();
        }
        if c == b'0' {
            self.pos += 1;
            match self.peek() {
                b'x' | b'X' => return self.radix(16, "hexadecimal"),
                b'o' | b'O' => return self.radix(8, "octal"),
                b'b' | b'B' => return self.radix(2, "binary"),
                _ => return self.zero_decimal(),
            }
        }
        self.decimal_tail()?;
        self.after_integer_part()
    }

    /// `0x`, `0o`, `0b` literals; positioned on the prefix letter.
    fn radix(&mut self, radix: u32, name: &str) -> Result<(), RawError> {
        self.pos += 1;
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
            }
            let c = self.peek();
            if !is_digit_in(c, radix) {
                if radix != 16 && c.is_ascii_digit() {
                    self.pos += 1;
                    return Err(
                        self.err(format!("invalid digit '{}' in {name} literal", c as char))
                    );
                }
                return Err(self.err(format!("invalid {name} literal")));
            }
            while is_digit_in(self.peek(), radix) {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        let c = self.peek();
        if radix != 16 && c.is_ascii_digit() {
            self.pos += 1;
            return Err(self.err(format!("invalid digit '{}' in {name} literal", c as char)));
        }
        self.verify_end(name)
    }

    /// A literal starting with `0` that is not `0x`/`0o`/`0b`: zeros, or a float.
    fn zero_decimal(&mut self) -> Result<(), RawError> {
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.err("invalid decimal literal"));
                }
            }
            if self.peek() != b'0' {
                break;
            }
            self.pos += 1;
        }
        let zeros_end = self.pos;
        let mut nonzero = false;
        if self.peek().is_ascii_digit() {
            nonzero = true;
            self.decimal_tail()?;
        }
        match self.peek() {
            b'.' => {
                self.pos += 1;
                self.fraction()
            }
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ if nonzero => Err(RawError::new(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                self.start,
                zeros_end,
            )),
            _ => self.verify_end("decimal"),
        }
    }

    /// Digits with single underscores between them (`tok_decimal_tail`).
    fn decimal_tail(&mut self) -> Result<(), RawError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.err("invalid decimal literal"));
            }
        }
    }

    fn after_integer_part(&mut self) -> Result<(), RawError> {
        if self.peek() == b'.' {
            self.pos += 1;
            return self.fraction();
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.verify_end("decimal"),
        }
    }

    /// After the `.` of a float.
    fn fraction(&mut self) -> Result<(), RawError> {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.verify_end("decimal"),
        }
    }

    /// Positioned on `e`/`E`.
    fn exponent(&mut self) -> Result<(), RawError> {
        let e_pos = self.pos;
        self.pos += 1;
        let c = self.peek();
        if c == b'+' || c == b'-' {
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.err("invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            // `1e` followed by something else: the number ends before the `e`, unless the
            // `e` starts an identifier-like tail, which is an error.
            self.pos = e_pos;
            self.verify_end("decimal")?;
            return Ok(());
        }
        self.decimal_tail()?;
        if matches!(self.peek(), b'j' | b'J') {
            return self.imaginary();
        }
        self.verify_end("decimal")
    }

    fn imaginary(&mut self) -> Result<(), RawError> {
        self.pos += 1;
        self.verify_end("imaginary")
    }

    /// CPython's `verify_end_of_number`: a literal directly followed by a keyword that may
    /// legally follow a number (`1if x else y`) only warns; any other identifier character is
    /// an error.
    fn verify_end(&mut self, kind: &str) -> Result<(), RawError> {
        let rest = &self.b[self.pos..];
        let keyword_follows = [
            &b"and"[..],
            b"else",
            b"for",
            b"if",
            b"in",
            b"is",
            b"or",
            b"not",
        ]
        .iter()
        .any(|kw| rest.starts_with(kw));
        if keyword_follows {
            return Ok(());
        }
        let c = self.peek();
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            // CPython backs up over the offending character and reports `offset == cur`,
            // which is the column of the character before it.
            let p = self.pos.saturating_sub(1);
            return Err(RawError::new(format!("invalid {kind} literal"), p, p));
        }
        Ok(())
    }
}

fn is_digit_in(c: u8, radix: u32) -> bool {
    (c as char).is_digit(radix)
}

/// Evaluates a well-formed literal's text.
fn value(text: &str, start: usize) -> Result<Tok, RawError> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let bad = || RawError::new("invalid numeric literal", start, start + text.len());
    if let Some(imag) = lower.strip_suffix('j') {
        return Ok(Tok::Imag(parse_float(imag).ok_or_else(bad)?));
    }
    let radix = match lower.get(..2) {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    if let Some(radix) = radix {
        let digits = &lower[2..];
        return BigInt::parse_bytes(digits.as_bytes(), radix)
            .map(Tok::Int)
            .ok_or_else(bad);
    }
    if lower.contains(['.', 'e']) {
        return Ok(Tok::Float(parse_float(&lower).ok_or_else(bad)?));
    }
    BigInt::parse_bytes(lower.as_bytes(), 10)
        .map(Tok::Int)
        .ok_or_else(bad)
}

/// Python float syntax is a superset of Rust's only in `1.` / `.5` / `1.e5`; normalise those.
fn parse_float(text: &str) -> Option<f64> {
    let mut s = String::with_capacity(text.len() + 2);
    let mut prev = None;
    for c in text.chars() {
        if c == '.' && !matches!(prev, Some(p) if char::is_ascii_digit(&p)) {
            s.push('0');
        }
        if prev == Some('.') && !c.is_ascii_digit() {
            s.push('0');
        }
        s.push(c);
        prev = Some(c);
    }
    if prev == Some('.') {
        s.push('0');
    }
    s.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(src: &str) -> Tok {
        let (tok, end) = scan_number(src, 0).unwrap();
        assert_eq!(end, src.len(), "{src}");
        tok
    }

    fn err(src: &str) -> (String, usize) {
        let e = scan_number(src, 0).unwrap_err();
        (e.msg, e.start)
    }

    #[test]
    fn integers_in_all_bases() {
        assert_eq!(num("0"), Tok::Int(0.into()));
        assert_eq!(num("00"), Tok::Int(0.into()));
        assert_eq!(num("0_0"), Tok::Int(0.into()));
        assert_eq!(num("1_000"), Tok::Int(1000.into()));
        assert_eq!(num("0xff"), Tok::Int(255.into()));
        assert_eq!(num("0X_F_f"), Tok::Int(255.into()));
        assert_eq!(num("0o17"), Tok::Int(15.into()));
        assert_eq!(num("0b1010"), Tok::Int(10.into()));
        let big = num("123456789012345678901234567890");
        assert_eq!(
            big,
            Tok::Int("123456789012345678901234567890".parse().unwrap())
        );
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(num("1."), Tok::Float(1.0));
        assert_eq!(num(".5"), Tok::Float(0.5));
        assert_eq!(num("1e10"), Tok::Float(1e10));
        assert_eq!(num("1.e5"), Tok::Float(1e5));
        assert_eq!(num("1_000.5"), Tok::Float(1000.5));
        assert_eq!(num("1E-3"), Tok::Float(1e-3));
        assert_eq!(num("09.5"), Tok::Float(9.5));
        assert_eq!(num("2j"), Tok::Imag(2.0));
        assert_eq!(num("1.5J"), Tok::Imag(1.5));
        assert_eq!(num("1e400"), Tok::Float(f64::INFINITY));
    }

    #[test]
    fn number_ends_before_keyword_or_dot_attribute() {
        let (tok, end) = scan_number("1if x", 0).unwrap();
        assert_eq!((tok, end), (Tok::Int(1.into()), 1));
        let (tok, end) = scan_number("1.e5.real", 0).unwrap();
        assert_eq!((tok, end), (Tok::Float(1e5), 4));
    }

    #[test]
    fn malformed_literals_match_cpython() {
        let lz = "leading zeros in decimal integer literals are not permitted; \
                  use an 0o prefix for octal integers";
        assert_eq!(err("012"), (lz.to_string(), 0));
        assert_eq!(err("1__0"), ("invalid decimal literal".into(), 1));
        assert_eq!(err("1_"), ("invalid decimal literal".into(), 1));
        assert_eq!(err("0x"), ("invalid hexadecimal literal".into(), 1));
        assert_eq!(
            err("0b2"),
            ("invalid digit '2' in binary literal".into(), 2)
        );
        assert_eq!(err("0o8"), ("invalid digit '8' in octal literal".into(), 2));
        assert_eq!(err("1e"), ("invalid decimal literal".into(), 0));
        assert_eq!(err("1.real"), ("invalid decimal literal".into(), 1));
        assert_eq!(err("1abc"), ("invalid decimal literal".into(), 0));
        assert_eq!(err("5jx"), ("invalid imaginary literal".into(), 1));
    }
}
