//! Writes the core's JSON Schema (`schema/outputs.schema.json`, `schema/inputs.schema.json`)
//! and its table of entry points (`schema/functions.json`),
//! or with `--check` fails when the committed files differ from the Rust types.
//!
//! `cargo run -p msgrkit --features schema --example schema -- [--check] DIR`

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (check, dir) = match args.as_slice() {
        [flag, dir] if flag == "--check" => (true, dir),
        [dir] => (false, dir),
        _ => {
            eprintln!("usage: schema [--check] DIR");
            return ExitCode::from(2);
        }
    };
    let files = [
        ("outputs.schema.json", msgrkit::schema::outputs()),
        ("inputs.schema.json", msgrkit::schema::inputs()),
        ("functions.json", msgrkit::api::functions()),
    ];
    let mut drifted = false;
    for (name, schema) in files {
        let path = Path::new(dir).join(name);
        let text = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!(
                    "{} differs from the Rust types: run scripts/schema to rewrite it",
                    path.display()
                );
                drifted = true;
            }
        } else if let Err(err) = std::fs::write(&path, text) {
            eprintln!("{}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if drifted {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
