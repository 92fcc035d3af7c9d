//! `vnext admin …` run as an operator runs it: the binary itself, on a scratch SQLite file.

use std::io::Write;
use std::process::{Command, Stdio};

/// What a command printed, and whether it succeeded.
pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Everything it printed, for a failure's message.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// The URL of a new SQLite file, `name` and this test process's own (the binary migrates it).
pub fn scratch_sqlite(name: &str) -> String {
    let dir = std::env::temp_dir().join("vnext-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&file);
    format!("sqlite://{}", file.display())
}

/// `vnext admin ARGS` on the database at `url`, with `stdin` as its standard input.
pub fn admin(url: &str, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vnext"))
        .arg("admin")
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that reads no input may have exited already: a broken pipe is no failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
