//! The byte layer under every file object: an OS descriptor (or one of the process's standard
//! streams) with a read-ahead buffer and a write buffer, as CPython's Buffered* objects keep.
//! Nothing here knows about Python objects; `file_methods` turns results into them.
//!
//! Invariants:
//! - At most one of the buffers holds data: switching from reading to writing gives back the
//!   unread read-ahead (seeks the descriptor back), switching the other way flushes.
//! - The logical position is the descriptor's position minus unread read-ahead plus unwritten
//!   bytes.
//! - `raw` is None exactly when the file is closed; closing flushes first.

use std::io::{BufRead, Read, Seek, SeekFrom, Write};

/// Size of one read from the OS and the write-buffer threshold (CPython's default buffer).
pub const CHUNK: usize = 8192;

pub enum Raw {
    File(std::fs::File),
    /// The process's standard input, read through Rust's shared handle.
    Stdin,
    /// Standard output: the VM's `Output` does the writing, so nothing is buffered here.
    Stdout,
    Stderr,
}

pub struct FileState {
    pub raw: Option<Raw>,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    /// The read-ahead reached end of file (cleared by seeks and writes).
    eof: bool,
    text: bool,
    /// Text mode with strict decoding: checks each chunk as it arrives (as CPython's text
    /// layer decodes whole chunks), returning the length of an incomplete character at its
    /// end or the UnicodeDecodeError message. A failing chunk is dropped, as in CPython.
    check: Option<ChunkCheck>,
    /// Bytes at the end of the read-ahead that begin a character the next chunk completes.
    tail: usize,
}

pub type ChunkCheck = fn(&[u8], bool) -> Result<usize, String>;

impl FileState {
    pub fn new(raw: Raw) -> FileState {
        FileState {
            raw: Some(raw),
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            eof: false,
            text: false,
            check: None,
            tail: 0,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.raw.is_none()
    }

    /// Unread bytes already in the read-ahead.
    pub fn available(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Text mode: a write after reading continues where the read-ahead ended (CPython's text
    /// layer has already taken that chunk from its buffer), rather than at the logical position.
    pub fn set_text(&mut self, text: bool, check: Option<ChunkCheck>) {
        self.text = text;
        self.check = check;
    }

    /// The last fill met end of file: nothing follows the read-ahead.
    pub fn eof_seen(&self) -> bool {
        self.eof
    }

    pub fn consume(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }

    /// Reads one more chunk into the read-ahead; false at end of file.
    pub fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.flush()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let n = self.read_more()?;
        if n == 0 {
            self.eof = true;
        }
        if let Some(check) = self.check {
            let len = self.rbuf.len();
            let start = (len - n).saturating_sub(self.tail).max(self.rpos);
            match check(&self.rbuf[start..], n == 0) {
                Ok(t) => self.tail = t,
                Err(msg) => {
                    self.rbuf.truncate(start);
                    self.tail = 0;
                    return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, msg));
                }
            }
        }
        Ok(n > 0)
    }

    /// Appends what one read from the OS gives to the read-ahead; 0 at end of file.
    fn read_more(&mut self) -> std::io::Result<usize> {
        let text = self.text;
        match &mut self.raw {
            Some(Raw::File(f)) => read_chunk(f, &mut self.rbuf),
            // Text stdin takes a chunk, as CPython's does (`input()` reads through it too, so
            // they share the read-ahead). `sys.stdin.buffer` takes a line at a time so that
            // the text stream still sees what follows: in CPython the text layer reads from
            // that very buffer.
            Some(Raw::Stdin) if text => {
                crate::vm::interrupt::wait_for_terminal_input()?;
                read_chunk(&mut std::io::stdin().lock(), &mut self.rbuf)
            }
            Some(Raw::Stdin) => std::io::stdin().lock().read_until(b'\n', &mut self.rbuf),
            _ => Ok(0),
        }
    }

    /// Fills until at least `n` bytes are available or the file ends.
    pub fn ensure(&mut self, n: usize) -> std::io::Result<()> {
        while self.available().len() < n && self.fill()? {}
        Ok(())
    }

    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        let n = self.available().len();
        Ok(self.consume(n))
    }

    /// Gives back unread read-ahead so the descriptor sits at the logical position.
    fn drop_readahead(&mut self) -> std::io::Result<()> {
        self.discard_readahead(true)
    }

    fn discard_readahead(&mut self, rewind: bool) -> std::io::Result<()> {
        let unread = self.available().len();
        if unread > 0 && rewind {
            if let Some(Raw::File(f)) = &mut self.raw {
                f.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        self.tail = 0;
        Ok(())
    }

    pub fn write(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.discard_readahead(!self.text)?;
        match &mut self.raw {
            Some(Raw::Stderr) => {
                let mut e = std::io::stderr().lock();
                ignore_broken_pipe(e.write_all(b).and_then(|_| e.flush()))
            }
            _ => {
                self.wbuf.extend_from_slice(b);
                if self.wbuf.len() >= CHUNK {
                    self.flush()?;
                }
                Ok(())
            }
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        match &mut self.raw {
            Some(Raw::File(f)) => f.write_all(&buf),
            _ => Ok(()),
        }
    }

    pub fn tell(&mut self) -> std::io::Result<u64> {
        let unread = self.available().len() as u64;
        let pending = self.wbuf.len() as u64;
        match &mut self.raw {
            Some(Raw::File(f)) => Ok(f.stream_position()?.saturating_sub(unread) + pending),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.flush()?;
        self.drop_readahead()?;
        match &mut self.raw {
            Some(Raw::File(f)) => f.seek(to),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn truncate(&mut self, size: Option<u64>) -> std::io::Result<u64> {
        self.flush()?;
        // Text mode: CPython's text layer hands the truncate to a buffer positioned after the
        // read-ahead chunk, and keeps the chunk's characters for later reads; so is it here.
        if !self.text {
            self.drop_readahead()?;
        }
        let size = match (size, &mut self.raw) {
            (Some(s), _) => s,
            (None, Some(Raw::File(f))) if self.text => f.stream_position()?,
            (None, _) => self.tell()?,
        };
        match &mut self.raw {
            Some(Raw::File(f)) => {
                f.set_len(size)?;
                Ok(size)
            }
            _ => Err(std::io::Error::from_raw_os_error(22)),
        }
    }

    pub fn seekable(&mut self) -> bool {
        match &mut self.raw {
            Some(Raw::File(f)) => f.stream_position().is_ok(),
            _ => false,
        }
    }

    pub fn fileno(&self) -> i32 {
        use std::os::unix::io::AsRawFd;
        match &self.raw {
            Some(Raw::File(f)) => f.as_raw_fd(),
            Some(Raw::Stdin) => 0,
            Some(Raw::Stdout) => 1,
            Some(Raw::Stderr) => 2,
            None => -1,
        }
    }

    /// Flushes and releases the descriptor; a second call does nothing.
    pub fn close(&mut self) -> std::io::Result<()> {
        if self.raw.is_none() {
            return Ok(());
        }
        let r = self.flush();
        self.raw = None;
        self.rbuf.clear();
        self.rpos = 0;
        r
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        // A file object freed without close() still writes out what it buffered, as CPython's
        // finalizer does.
        let _ = self.flush();
    }
}

/// Appends up to one chunk from `r` to `buf`, retrying interrupted reads.
fn read_chunk(r: &mut impl Read, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let old = buf.len();
    buf.resize(old + CHUNK, 0);
    let res = loop {
        match r.read(&mut buf[old..]) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            res => break res,
        }
    };
    buf.truncate(old + *res.as_ref().unwrap_or(&0));
    res
}

/// A reader that has gone away (`| head`) is not an error worth a panic or a traceback.
fn ignore_broken_pipe(r: std::io::Result<()>) -> std::io::Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("pyrena-file-{}-{name}", std::process::id()))
    }

    #[test]
    fn write_then_read_back_with_positions() {
        let p = temp("rw");
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&p)
            .unwrap();
        let mut s = FileState::new(Raw::File(f));
        s.write(b"hello\nworld\n").unwrap();
        assert_eq!(s.tell().unwrap(), 12);
        assert_eq!(s.seek(SeekFrom::Start(6)).unwrap(), 6);
        s.ensure(3).unwrap();
        assert_eq!(s.consume(3), b"wor");
        assert_eq!(s.tell().unwrap(), 9);
        // Writing after reading lands at the logical position, not after the read-ahead.
        s.write(b"LD").unwrap();
        s.seek(SeekFrom::Start(0)).unwrap();
        assert_eq!(s.read_all().unwrap(), b"hello\nworLD\n");
        assert_eq!(s.truncate(Some(5)).unwrap(), 5);
        s.seek(SeekFrom::Start(0)).unwrap();
        assert_eq!(s.read_all().unwrap(), b"hello");
        s.close().unwrap();
        s.close().unwrap();
        assert!(s.is_closed());
        std::fs::remove_file(&p).unwrap();
    }
}
