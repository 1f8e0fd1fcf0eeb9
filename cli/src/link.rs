//! `msgrkit link`: a chat link (m.me / ig.me) with a `ref`, optionally as a QR code SVG;
//! or, with `--parse`, a link read back into its parts.

use std::path::PathBuf;
use std::process::ExitCode;

use msgrkit::link::{ChatLink, QrLevel, QrOptions, qr_svg};

use crate::{Outcome, io};

#[derive(clap::Args)]
pub(crate) struct LinkArgs {
    /// The Facebook Page's username (or numeric ID).
    #[arg(long, conflicts_with = "instagram")]
    page: Option<String>,
    /// The Instagram account's handle (without @).
    #[arg(long)]
    instagram: Option<String>,
    /// The reference the webhook reports back as `referral.ref`.
    #[arg(long = "ref")]
    reference: Option<String>,
    /// Text prefilled in the person's composer (Messenger only).
    #[arg(long)]
    text: Option<String>,
    /// Also write the link as a QR code to this SVG file.
    #[arg(long)]
    qr: Option<PathBuf>,
    /// The QR code's error-correction level [default: the core's, M].
    #[arg(long, value_enum)]
    qr_level: Option<LevelArg>,
    /// The QR code's smallest width and height in pixels [default: the core's].
    #[arg(long)]
    qr_size: Option<u32>,
    /// Read this link back into its parts (JSON) instead of building one.
    #[arg(long, conflicts_with_all = ["page", "instagram", "reference", "text", "qr"])]
    parse: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
#[clap(rename_all = "UPPER")]
enum LevelArg {
    L,
    M,
    Q,
    H,
}

pub(crate) fn run(args: LinkArgs, compact: bool) -> Outcome {
    if let Some(url) = &args.parse {
        let link = ChatLink::parse(url).map_err(|err| io::reject(&err))?;
        return Ok(io::print_json(&link, compact));
    }
    let mut link = match (&args.page, &args.instagram) {
        (Some(page), _) => ChatLink::page(page),
        (None, Some(handle)) => ChatLink::instagram(handle),
        (None, None) => return Err(io::usage("give --page NAME or --instagram HANDLE")),
    };
    if let Some(reference) = &args.reference {
        link = link.with_ref(reference);
    }
    if let Some(text) = &args.text {
        link = link.with_text(text);
    }
    let url = link.url().map_err(|err| io::reject(&err))?;
    if let Some(path) = &args.qr {
        let mut options = QrOptions::default();
        if let Some(level) = args.qr_level {
            options.level = match level {
                LevelArg::L => QrLevel::L,
                LevelArg::M => QrLevel::M,
                LevelArg::Q => QrLevel::Q,
                LevelArg::H => QrLevel::H,
            };
        }
        if let Some(size) = args.qr_size {
            options.size = size;
        }
        let svg = qr_svg(&url, &options).map_err(|err| io::reject(&err))?;
        if let Err(err) = std::fs::write(path, svg) {
            eprintln!("msgrkit: cannot write {}: {err}", path.display());
            return Err(ExitCode::from(io::USAGE));
        }
    }
    println!("{url}");
    Ok(ExitCode::SUCCESS)
}
