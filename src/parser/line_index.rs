//! Byte offset → (line, column) mapping for one source text.
//!
//! Invariant: `starts[i]` is the byte offset where line `i + 1` begins; `starts[0] == 0`.
//! Line breaks are `\n`, `\r\n` and a lone `\r`, the same set the lexer recognises, so a
//! line number computed here always agrees with the tokenizer's.

#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let bytes = src.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: src.len() as u32,
        }
    }

    /// 1-based line and 0-based byte column of `byte_offset` (clamped to the text).
    pub fn line_col(&self, byte_offset: u32) -> (usize, usize) {
        let off = byte_offset.min(self.len);
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line + 1, (off - self.starts[line]) as usize)
    }

    /// 0-based column of `byte_offset` counted in characters, as CPython's `offset` is.
    pub fn char_col(&self, src: &str, byte_offset: usize) -> usize {
        let (line, _) = self.line_col(byte_offset as u32);
        let start = self.line_start(line);
        let end = byte_offset.min(src.len()).max(start);
        src.get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end - start)
    }

    /// Byte offset where `line` (1-based) starts; past the end for lines beyond the text.
    pub fn line_start(&self, line: usize) -> usize {
        match line.checked_sub(1).and_then(|i| self.starts.get(i)) {
            Some(&s) => s as usize,
            None => self.len as usize,
        }
    }

    /// Number of lines; a text ending in a newline has an empty last line after it.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of `line` (1-based) without its line break; empty for lines out of range.
    pub fn line_text<'a>(&self, src: &'a str, line: usize) -> &'a str {
        if line == 0 || line > self.starts.len() {
            return "";
        }
        let start = self.line_start(line);
        let end = if line < self.starts.len() {
            self.starts[line] as usize
        } else {
            src.len()
        };
        let text = src.get(start..end).unwrap_or("");
        text.trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_across_all_line_breaks() {
        let src = "ab\ncd\r\nef\rg";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), (1, 0));
        assert_eq!(idx.line_col(2), (1, 2));
        assert_eq!(idx.line_col(3), (2, 0));
        assert_eq!(idx.line_col(7), (3, 0));
        assert_eq!(idx.line_col(10), (4, 0));
        assert_eq!(idx.line_col(99), (4, 1));
        assert_eq!(idx.line_text(src, 2), "cd");
        assert_eq!(idx.line_text(src, 3), "ef");
        assert_eq!(idx.line_text(src, 4), "g");
        assert_eq!(idx.line_text(src, 5), "");
        assert_eq!(idx.line_start(3), 7);
    }

    #[test]
    fn columns_in_characters() {
        let src = "x = 'é€' + y";
        let idx = LineIndex::new(src);
        let y = src.find('y').unwrap();
        assert_eq!(idx.char_col(src, y), 11);
        assert_eq!(idx.line_col(y as u32), (1, y));
    }
}
