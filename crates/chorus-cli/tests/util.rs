//! Helpers every topic shares: running the binary, reading its output,
//! golden files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace's root, where the bundled examples are: every run starts
/// there, so paths in outputs read as they do in the README.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn chorus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .output()
        .expect("chorus runs")
}

/// chorus started from the workspace root with its stdin, stdout and
/// stderr piped, for tests that talk to it while it runs.
pub fn spawn_chorus(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chorus starts")
}

pub fn chorus_with_stdin(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = spawn_chorus(args);
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts input");
    child.wait_with_output().expect("chorus finishes")
}

/// The `id` of every object in a JSON array.
pub fn ids_of(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| i["id"].as_str().unwrap_or(""))
                .collect()
        })
        .unwrap_or_default()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// The JSON a successful run printed.
pub fn json_of(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("JSON")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output; if the change is intended, run UPDATE_GOLDEN=1 cargo test\n--- output ---\n{actual}",
        path.display()
    );
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("fixture written");
    path
}

pub fn summarize_json(args: &[&str]) -> (Output, serde_json::Value) {
    let mut all = vec!["summarize"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let output = chorus(&all);
    let report = serde_json::from_str(&stdout(&output)).unwrap_or(serde_json::Value::Null);
    (output, report)
}

/// The strings of a JSON array.
pub fn ids_of_strings(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .map(|items| items.iter().filter_map(|i| i.as_str()).collect())
        .unwrap_or_default()
}

/// One sentence that any reader turns into a one-sentence brief.
pub const BODY: &str =
    "The city bridge reopened on Friday after two years of repairs, officials said.";

/// Runs chorus and fails the test if it has not finished within `limit`
/// (it is killed first): for inputs that once made it wait forever.
pub fn chorus_within(args: &[&str], limit: std::time::Duration) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus starts");
    // Drained while waiting, so a full pipe cannot stall the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("chorus can be waited for") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chorus {args:?} still running after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout read"),
        stderr: stderr.join().expect("stderr read"),
    }
}

/// Makes a named pipe (FIFO) at `path`; nothing ever writes to it.
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("path without NUL");
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// Characters a terminal acts on (control characters but newline and tab).
pub fn terminal_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect()
}
