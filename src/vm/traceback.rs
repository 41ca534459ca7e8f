//! Rendering of uncaught exceptions in CPython 3.11's format: the chained
//! "During handling..." / "direct cause" sections, one `File ..., line N, in name` entry per
//! frame with the source line, the `^^^^` / `~~^~~` position markers, and the final
//! `Type: message` line (SyntaxErrors in their own shape).

use crate::bytecode::code::Location;
use crate::heap::Obj;
use crate::objects::code::code_data;
use crate::objects::exception::{exc_data, tb_data};
use crate::objects::{str as pystr, tuple};
use crate::parser::ast::{ExprKind, StmtKind};
use crate::vm::Vm;

impl Vm {
    /// The full report for an uncaught exception, as CPython prints it to stderr.
    pub fn format_exception(&mut self, exc: &Obj) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Obj, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(exc.addr());
        let d = exc_data(exc);
        if let Some(cause) = d.cause.get() {
            if !seen.contains(&cause.addr()) {
                self.format_chain(&cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Some(ctx) = d.context.get() {
            if !d.suppress_context.get() && !seen.contains(&ctx.addr()) {
                self.format_chain(&ctx, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        if let Some(tb) = d.traceback.get() {
            out.push_str("Traceback (most recent call last):\n");
            // Runs of the same frame (recursion) are cut after three, as CPython does.
            const RECURSIVE_CUTOFF: usize = 3;
            let mut last: Option<(String, u32, String)> = None;
            let mut count = 0usize;
            let mut cur = Some(tb);
            while let Some(t) = cur {
                let td = tb_data(&t);
                let c = code_data(&td.code);
                let line = c
                    .locations
                    .get(td.lasti as usize)
                    .map_or(c.firstlineno, |l| l.line);
                let key = (c.filename.clone(), line, c.name.clone());
                if last.as_ref() != Some(&key) {
                    push_repeated(out, count, RECURSIVE_CUTOFF);
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count <= RECURSIVE_CUTOFF {
                    self.format_frame(&td.code, td.lasti as usize, out);
                }
                cur = td.next.get();
            }
            push_repeated(out, count, RECURSIVE_CUTOFF);
        }
        out.push_str(&self.format_exception_only(exc));
    }

    fn format_frame(&mut self, code: &Obj, lasti: usize, out: &mut String) {
        let c = code_data(code);
        // A frame that never ran (`LASTI_NOT_STARTED`) is reported at its first line.
        let loc = c.locations.get(lasti).copied().unwrap_or(Location {
            line: c.firstlineno,
            end_line: c.firstlineno,
            ..Location::default()
        });
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            c.filename, loc.line, c.name
        ));
        let Some(src) = self.sources.get(&c.filename).cloned() else {
            return;
        };
        let Some(line) = src.lines().nth((loc.line as usize).saturating_sub(1)) else {
            return;
        };
        let stripped = line.trim();
        if stripped.is_empty() {
            return;
        }
        out.push_str(&format!("    {stripped}\n"));
        if let Some(markers) = caret_line(line, loc) {
            out.push_str(&markers);
        }
    }

    /// The last line: `Type: message`, or the SyntaxError report.
    pub fn format_exception_only(&mut self, exc: &Obj) -> String {
        let name = exc.ty().name().to_string();
        if exc.ty().is_subtype(crate::objects::typeobj::as_type(
            &self.types.exc.syntax_error,
        )) {
            if let Some(s) = self.format_syntax_error(exc, &name) {
                return s;
            }
        }
        // Classes print by qualified name, prefixed by their module unless that is
        // `__main__` or `builtins`.
        let name = match crate::objects::slots::type_module(self, exc.ty()) {
            Some(m) if m != "builtins" => {
                let q = self
                    .getattr_str(&exc.ty().to_obj(), "__qualname__")
                    .ok()
                    .and_then(|q| pystr::try_as_str(&q).map(str::to_string))
                    .unwrap_or(name);
                if m == "__main__" {
                    q
                } else {
                    format!("{m}.{q}")
                }
            }
            _ => name,
        };
        let mut msg = match self.str(exc) {
            Ok(s) => pystr::as_str(&s).to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        let is_a = |t: &Obj| exc.ty().is_subtype(crate::objects::typeobj::as_type(t));
        let (name_error, attr_error) = (
            is_a(&self.types.exc.name_error),
            is_a(&self.types.exc.attribute_error),
        );
        let suggestion = if name_error {
            crate::vm::suggestions::name_error_suggestion(self, exc)
        } else if attr_error {
            crate::vm::suggestions::attribute_error_suggestion(self, exc)
        } else {
            None
        };
        if let Some(s) = suggestion {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }

    /// SyntaxError instances carry `(msg, (filename, lineno, offset, text, end_lineno,
    /// end_offset))` in their args, as CPython's do.
    fn format_syntax_error(&mut self, exc: &Obj, name: &str) -> Option<String> {
        let args = self.exc_args(exc);
        let items = tuple::items(&args);
        let msg = pystr::try_as_str(items.first()?)?.to_string();
        let details = tuple::try_items(items.get(1)?)?;
        let filename = pystr::try_as_str(&details[0])?.to_string();
        let lineno = crate::objects::int::as_small(&details[1])?;
        let offset = crate::objects::int::as_small(&details[2]).unwrap_or(0);
        let text = pystr::try_as_str(&details[3]).map(|t| t.trim_end_matches('\n').to_string());
        let end_offset = details
            .get(5)
            .and_then(crate::objects::int::as_small)
            .unwrap_or(offset);
        let end_lineno = details
            .get(4)
            .and_then(crate::objects::int::as_small)
            .unwrap_or(lineno);
        let e = crate::parser::SyntaxError {
            kind: match name {
                "IndentationError" => crate::parser::SyntaxErrorKind::IndentationError,
                "TabError" => crate::parser::SyntaxErrorKind::TabError,
                _ => crate::parser::SyntaxErrorKind::SyntaxError,
            },
            msg,
            filename,
            lineno: lineno.max(0) as usize,
            offset: offset.max(0) as usize,
            end_lineno: end_lineno.max(0) as usize,
            end_offset: end_offset.max(0) as usize,
            text,
            incomplete: false,
        };
        Some(e.render())
    }
}

/// CPython's "[Previous line repeated N more times]" line for a cut run of frames.
fn push_repeated(out: &mut String, count: usize, cutoff: usize) {
    if count > cutoff {
        let n = count - cutoff;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

fn char_offset(s: &str, byte: usize) -> usize {
    let b = byte.min(s.len());
    match s.get(..b) {
        Some(p) => p.chars().count(),
        None => String::from_utf8_lossy(&s.as_bytes()[..b]).chars().count(),
    }
}

/// The marker line under a source line, or `None` when CPython omits it (the marked range
/// covers the whole stripped line and there are no anchors).
fn caret_line(line: &str, loc: Location) -> Option<String> {
    let stripped = line.trim();
    let stripped_chars = line.chars().count() - line.trim_start().chars().count();
    let start = char_offset(line, loc.col as usize);
    let mut end = char_offset(line, loc.end_col as usize);
    let chars: Vec<char> = line.chars().collect();
    let segment: String = chars
        [start.min(chars.len())..end.min(chars.len()).max(start.min(chars.len()))]
        .iter()
        .collect();
    let anchors = if loc.line == loc.end_line {
        anchors_for(&segment)
    } else {
        end = line.trim_end().chars().count();
        None
    };
    let stripped_len = stripped.chars().count();
    let show = end.saturating_sub(start) < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !show || end <= start && anchors.is_none() {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(stripped_chars)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    Some(out)
}

/// CPython's caret anchors for a binary operation or subscript segment: the character range
/// of the operator (or of `[...]`), marked with `^` while the operands get `~`.
fn anchors_for(segment: &str) -> Option<(usize, usize)> {
    let module = crate::parser::parse_module(segment, "<segment>").ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(expr) = &module.body[0].kind else {
        return None;
    };
    let seg: Vec<char> = segment.chars().collect();
    let norm = |b: u32| char_offset(segment, b as usize);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = norm(left.span.end);
            let op_end = norm(right.span.start);
            let op_str: String = seg[op_start..op_end.max(op_start)].iter().collect();
            let op_offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let mut l = left.span.end as usize + op_offset;
            let mut r = l + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if op_offset + 1 < op_chars.len() && !op_chars[op_offset + 1].is_whitespace() {
                r += 1;
            }
            let bytes = segment.as_bytes();
            while l < bytes.len()
                && (bytes[l].is_ascii_whitespace() || bytes[l] == b')' || bytes[l] == b'#')
            {
                l += 1;
                r += 1;
            }
            Some((char_offset(segment, l), char_offset(segment, r)))
        }
        ExprKind::Subscript { value, slice } => {
            let mut l = norm(value.span.end);
            let mut r = norm(slice.span.end + 1);
            while l < seg.len() && (seg[l].is_whitespace() || seg[l] != '[') {
                l += 1;
            }
            while r < seg.len() && (seg[r].is_whitespace() || seg[r] != ']') {
                r += 1;
            }
            if r < seg.len() {
                r += 1;
            }
            Some((l, r))
        }
        _ => None,
    }
}
