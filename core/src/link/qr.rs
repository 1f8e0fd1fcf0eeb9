//! A chat link (or any text) as a QR code, rendered as SVG text by the `qrcode` crate:
//! pure computation, no image library and no I/O.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{QR_SIZE_DEFAULT, QR_SIZE_MAX};

/// How much of the code may be damaged (covered by a logo, scuffed on a shop window) and
/// still read: L 7 %, M 15 %, Q 25 %, H 30 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum QrLevel {
    /// 7 %.
    L,
    /// 15 % (the default).
    #[default]
    M,
    /// 25 %.
    Q,
    /// 30 %.
    H,
}

/// How to render a QR code: `{"level"?: "L"|"M"|"Q"|"H", "size"?: pixels}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct QrOptions {
    /// The error-correction level.
    pub level: QrLevel,
    /// The smallest width and height of the image in pixels, quiet zone included (whole
    /// modules, so the image may come out a little larger).
    pub size: u32,
}

impl Default for QrOptions {
    fn default() -> Self {
        Self {
            level: QrLevel::default(),
            size: QR_SIZE_DEFAULT,
        }
    }
}

/// `text` as an SVG QR code: black modules on white, with the standard 4-module quiet zone.
///
/// # Errors
///
/// `required` (field `text`) for empty text; `limit_exceeded` (field `options.size`) over
/// the largest size; `invalid_input` (field `text`) for text too long for a QR code at
/// that level.
pub fn qr_svg(text: &str, options: &QrOptions) -> Result<String> {
    if text.is_empty() {
        return Err(Error::at(
            ErrorKind::Required {
                detail: "the text to encode".to_owned(),
            },
            "text",
        ));
    }
    if options.size > QR_SIZE_MAX {
        return Err(Error::at(
            ErrorKind::LimitExceeded {
                max: QR_SIZE_MAX as usize,
                actual: options.size as usize,
            },
            "options.size",
        ));
    }
    let level = match options.level {
        QrLevel::L => EcLevel::L,
        QrLevel::M => EcLevel::M,
        QrLevel::Q => EcLevel::Q,
        QrLevel::H => EcLevel::H,
    };
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).map_err(|e| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: format!("cannot be a qr code: {e}"),
            },
            "text",
        )
    })?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(options.size, options.size)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_of_at_least_the_size_asked() {
        let svg = qr_svg(
            "https://m.me/acme.shop?ref=spring_sale",
            &QrOptions::default(),
        )
        .unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.ends_with("</svg>"));
        let width: u32 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|w| w.parse().ok())
            .unwrap();
        assert!((256..256 + 64).contains(&width), "{width}");
        let bigger = QrOptions {
            level: QrLevel::H,
            size: 512,
        };
        assert!(qr_svg("https://m.me/acme.shop", &bigger).unwrap().len() > 100);
        assert_eq!(
            qr_svg("", &QrOptions::default()).unwrap_err().field(),
            Some("text")
        );
        let huge = QrOptions {
            size: QR_SIZE_MAX + 1,
            ..QrOptions::default()
        };
        assert_eq!(qr_svg("x", &huge).unwrap_err().code(), "limit_exceeded");
        let too_long = "x".repeat(8000);
        assert_eq!(
            qr_svg(&too_long, &QrOptions::default())
                .unwrap_err()
                .field(),
            Some("text")
        );
    }
}
