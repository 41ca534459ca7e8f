//! A small JSON text builder for the memory report's data: values are appended in order, and
//! the builder inserts the commas. Strings are escaped for JSON and, because the text is
//! embedded in an HTML `<script>` element, `<` is written as `\u003c` so no `</script>` can
//! end the element early.

use std::fmt::Write as _;

#[derive(Default)]
pub struct Json {
    out: String,
    /// Per open array/object: whether nothing has been written in it yet.
    first: Vec<bool>,
    /// A key was just written: the next value is its value, with no comma before it.
    after_key: bool,
}

impl Json {
    pub fn new() -> Json {
        Json::default()
    }

    pub fn finish(self) -> String {
        debug_assert!(self.first.is_empty(), "unclosed JSON container");
        self.out
    }

    fn separate(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
        }
    }

    pub fn begin_object(&mut self) -> &mut Self {
        self.separate();
        self.out.push('{');
        self.first.push(true);
        self
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.first.pop();
        self.out.push('}');
        self
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.separate();
        self.out.push('[');
        self.first.push(true);
        self
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.first.pop();
        self.out.push(']');
        self
    }

    /// A key inside an object; the next value written is its value.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.separate();
        write_string(&mut self.out, k);
        self.out.push(':');
        self.after_key = true;
        self
    }

    pub fn uint(&mut self, v: u64) -> &mut Self {
        self.separate();
        let _ = write!(self.out, "{v}");
        self
    }

    pub fn int(&mut self, v: i64) -> &mut Self {
        self.separate();
        let _ = write!(self.out, "{v}");
        self
    }

    /// A finite float (NaN and infinities, which JSON lacks, are written as null).
    pub fn float(&mut self, v: f64) -> &mut Self {
        self.separate();
        if v.is_finite() {
            let _ = write!(self.out, "{v}");
        } else {
            self.out.push_str("null");
        }
        self
    }

    pub fn string(&mut self, s: &str) -> &mut Self {
        self.separate();
        write_string(&mut self.out, s);
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.separate();
        self.out.push_str("null");
        self
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_keys_and_escapes() {
        let mut j = Json::new();
        j.begin_object();
        j.key("a").uint(1);
        j.key("b")
            .begin_array()
            .int(-2)
            .float(0.5)
            .float(f64::NAN)
            .end_array();
        j.key("c").string("</script>\"\n");
        j.key("d").begin_object().end_object();
        j.key("e").null();
        j.end_object();
        assert_eq!(
            j.finish(),
            r#"{"a":1,"b":[-2,0.5,null],"c":"\u003c/script>\"\n","d":{},"e":null}"#
        );
    }
}
