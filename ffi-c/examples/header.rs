//! Writes include/msgrkit.h from the C ABI's Rust sources with cbindgen (pinned in
//! ffi-c/Cargo.toml), or with `--check` fails when the committed header differs.
//!
//! `bash scripts/header [--check]`

use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(_) => {
            eprintln!("usage: header [--check]");
            return ExitCode::from(2);
        }
    };
    let dir = env!("CARGO_MANIFEST_DIR");
    let path = format!("{dir}/../include/msgrkit.h");
    let mut text = Vec::new();
    generate(dir).write(&mut text);
    if !check {
        return match std::fs::write(&path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("{path}: {err}");
                ExitCode::FAILURE
            }
        };
    }
    if std::fs::read(&path).ok().as_deref() == Some(text.as_slice()) {
        ExitCode::SUCCESS
    } else {
        eprintln!("include/msgrkit.h differs from the C ABI's sources: run scripts/header");
        ExitCode::FAILURE
    }
}

fn generate(dir: &str) -> cbindgen::Bindings {
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split(['.', '-']);
    let mut part = || parts.next().unwrap_or("0").to_owned();
    let (major, minor, patch) = (part(), part(), part());
    let macros = format!(
        "#define MSGRKIT_VERSION \"{version}\"\n#define MSGRKIT_VERSION_MAJOR {major}\n#define MSGRKIT_VERSION_MINOR {minor}\n#define MSGRKIT_VERSION_PATCH {patch}\n\n/* The full library has the blocking client; define MSGRKIT_SLIM for the slim one. */\n#if !defined(MSGRKIT_SLIM)\n#define MSGRKIT_BLOCKING\n#endif"
    );
    let config =
        cbindgen::Config::from_file(format!("{dir}/cbindgen.toml")).expect("cbindgen.toml parses");
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .with_after_include(macros)
        .generate()
        .expect("the header generates")
}
