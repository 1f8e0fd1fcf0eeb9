//! Reading vendor JSON objects: typed getters that name the field on error, and a record
//! of the keys read so every other key can be reported as an unknown field.

use std::cell::RefCell;

use serde_json::{Map, Value};

use crate::compose::{Warning, WarningCode};
use crate::error::{Error, ErrorKind, Result};

/// One JSON object of a vendor message, at `path`.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    /// Keys read so far (objects are small: a list beats a tree).
    read: RefCell<Vec<&'a str>>,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(value: &'a Value, path: impl Into<String>) -> Result<Self> {
        let path = path.into();
        match value {
            Value::Object(map) => Ok(Self {
                map,
                path,
                read: RefCell::default(),
            }),
            _ => Err(invalid(&path, "expected a json object")),
        }
    }

    /// The path of this object (`""` at the root).
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// The path of `key` inside this object.
    pub(crate) fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            return key.to_owned();
        }
        let mut path = String::with_capacity(self.path.len() + 1 + key.len());
        path.push_str(&self.path);
        path.push('.');
        path.push_str(key);
        path
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        let (name, value) = self.map.get_key_value(key)?;
        let mut read = self.read.borrow_mut();
        if !read.contains(&name.as_str()) {
            read.push(name.as_str());
        }
        Some(value).filter(|v| !v.is_null())
    }

    /// Marks keys as read without using them (known, and meaningless on Messenger).
    pub(crate) fn ignore(&self, keys: &[&str]) {
        for key in keys {
            let _ = self.get(key);
        }
    }

    pub(crate) fn str(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(invalid(&self.at(key), "expected a string")),
        }
    }

    pub(crate) fn req_str(&self, key: &str) -> Result<String> {
        self.str(key)?.ok_or_else(|| {
            Error::at(
                ErrorKind::Required {
                    detail: format!("`{key}` is required"),
                },
                self.at(key),
            )
        })
    }

    pub(crate) fn bool(&self, key: &str) -> Result<bool> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(invalid(&self.at(key), "expected true or false")),
        }
    }

    pub(crate) fn f64(&self, key: &str) -> Result<Option<f64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| invalid(&self.at(key), "expected a number")),
            Some(_) => Err(invalid(&self.at(key), "expected a number")),
        }
    }

    pub(crate) fn i64(&self, key: &str) -> Result<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| invalid(&self.at(key), "expected a whole number")),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| invalid(&self.at(key), "expected a whole number")),
            Some(_) => Err(invalid(&self.at(key), "expected a whole number")),
        }
    }

    pub(crate) fn obj(&self, key: &str) -> Result<Option<Obj<'a>>> {
        self.get(key)
            .map(|value| Obj::new(value, self.at(key)))
            .transpose()
    }

    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.get(key)
    }

    /// The objects of an array (absent means empty).
    pub(crate) fn objs(&self, key: &str) -> Result<Vec<Obj<'a>>> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| Obj::new(item, format!("{}[{index}]", self.at(key))))
                .collect(),
            Some(_) => Err(invalid(&self.at(key), "expected an array")),
        }
    }

    /// Reports every key not read as an unknown field.
    pub(crate) fn finish(self, warnings: &mut Vec<Warning>) {
        let read = self.read.into_inner();
        for key in self.map.keys().filter(|key| !read.contains(&key.as_str())) {
            let field = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            warnings.push(Warning {
                code: WarningCode::UnknownField,
                field,
                detail: "not known to this reader; ignored".to_owned(),
            });
        }
    }
}

/// A vendor's `metadata` (an object, or text) as the Send API's `metadata` text: objects
/// travel as JSON text, and composing reports the value if it has to be cut.
pub(crate) fn metadata_text(
    obj: &Obj<'_>,
    sources: &mut super::sources::Sources,
) -> Result<Option<String>> {
    let metadata = match obj.raw("metadata") {
        None => return Ok(None),
        Some(Value::String(s)) => s.clone(),
        Some(value @ Value::Object(_)) => value.to_string(),
        Some(_) => return Err(invalid(&obj.at("metadata"), "expected an object")),
    };
    sources.add("metadata", obj.at("metadata"));
    Ok(Some(metadata))
}

pub(crate) fn invalid(field: &str, detail: &str) -> Error {
    Error::at(
        ErrorKind::InvalidInput {
            detail: detail.to_owned(),
        },
        field,
    )
}

pub(crate) fn unsupported(field: &str, detail: impl Into<String>) -> Error {
    Error::at(
        ErrorKind::Unsupported {
            detail: detail.into(),
        },
        field,
    )
}

pub(crate) fn warn(
    warnings: &mut Vec<Warning>,
    code: WarningCode,
    field: impl Into<String>,
    detail: impl Into<String>,
) {
    warnings.push(Warning {
        code,
        field: field.into(),
        detail: detail.into(),
    });
}
