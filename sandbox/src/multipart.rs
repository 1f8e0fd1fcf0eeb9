//! `multipart/form-data` bodies, as Meta documents them for a send or an upload of a file:
//! `recipient`, `message` (JSON text) and the file as `filedata`. Read with `multer`; the
//! file's bytes are counted, not kept.

use axum::body::Bytes;
use serde_json::{Map, Value};

/// The fields of a form, and its file when it has one.
pub(crate) struct Form {
    /// Every field but the file, in order, as text.
    pub(crate) fields: Map<String, Value>,
    /// `filedata`: its file name, content type and size in bytes.
    pub(crate) file: Option<Upload>,
}

/// The file part of a form.
#[derive(Debug)]
pub(crate) struct Upload {
    pub(crate) filename: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: usize,
}

impl Upload {
    /// What the log shows of it (never the bytes).
    pub(crate) fn describe(&self) -> Value {
        serde_json::json!({"filename": self.filename, "content_type": self.content_type, "bytes": self.bytes})
    }
}

/// Whether `content_type` is a multipart form.
pub(crate) fn is_form(content_type: &str) -> bool {
    content_type.starts_with("multipart/form-data")
}

/// Reads a multipart body; an error says what is wrong with it.
pub(crate) async fn read(content_type: &str, body: Bytes) -> Result<Form, String> {
    let boundary = multer::parse_boundary(content_type).map_err(|e| e.to_string())?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut parts = multer::Multipart::new(stream, boundary);
    let mut form = Form {
        fields: Map::new(),
        file: None,
    };
    while let Some(part) = parts.next_field().await.map_err(|e| e.to_string())? {
        let name = part.name().unwrap_or_default().to_owned();
        if name == "filedata" {
            let filename = part.file_name().map(str::to_owned);
            let content_type = part.content_type().map(ToString::to_string);
            let bytes = part.bytes().await.map_err(|e| e.to_string())?.len();
            form.file = Some(Upload {
                filename,
                content_type,
                bytes,
            });
        } else {
            let text = part.text().await.map_err(|e| e.to_string())?;
            form.fields.insert(name, Value::String(text));
        }
    }
    Ok(form)
}
