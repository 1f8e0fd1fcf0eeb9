//! `msgrkit link` through the real binary: the URL, a refused ref, the QR file, --parse.
//! (scripts/qrcheck decodes the QR codes with zbarimg.)

use std::process::{Command, Output};

use serde_json::Value;

fn msgrkit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(args)
        .output()
        .expect("msgrkit runs")
}

#[test]
fn link_prints_the_m_me_url() {
    let out = msgrkit(&["link", "--page", "acme.shop", "--ref", "spring_sale"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "https://m.me/acme.shop?ref=spring_sale"
    );
}

#[test]
fn an_invalid_ref_exits_1_with_its_code_and_field() {
    let out = msgrkit(&["link", "--page", "acme.shop", "--ref", "spring sale!"]);
    assert_eq!(out.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "ref");
    assert!(out.stdout.is_empty());
}

#[test]
fn qr_writes_an_svg_and_parse_reads_the_link_back() {
    let dir = std::env::temp_dir().join(format!("msgrkit-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("code.svg");
    let path = file.to_str().unwrap();
    let args = [
        "link",
        "--instagram",
        "acme.shop",
        "--ref",
        "bio_link",
        "--qr",
        path,
        "--qr-level",
        "H",
    ];
    let out = msgrkit(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.contains("<svg") && svg.contains("#000000"), "{svg}");
    std::fs::remove_dir_all(&dir).unwrap();

    let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(url, "https://ig.me/m/acme.shop?ref=bio_link");
    let parsed = msgrkit(&["link", "--parse", &url, "--compact"]);
    let parts: Value = serde_json::from_slice(&parsed.stdout).unwrap();
    assert_eq!(
        parts,
        serde_json::json!({"instagram": "acme.shop", "ref": "bio_link"})
    );
    let neither = msgrkit(&["link", "--ref", "x"]);
    assert_eq!(neither.status.code(), Some(2));
}
