//! Where each part of the neutral message came from in the vendor's input, so that the
//! warnings and errors of composing name the vendor's own fields
//! (`carousel_message.cards[2].media_message.url`), never msgrkit's neutral model.

use crate::compose::Warning;
use crate::error::Error;

/// Compose fields that name an option, not a part of the message: they stay as they are.
const OPTION_FIELDS: &[&str] = &["maps_url_template", "checkout_url_template"];

/// Pairs of (neutral path, input path). The neutral root `""` maps to the vendor message
/// itself, so every field resolves to an input path or a parent of one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sources {
    pairs: Vec<(String, String)>,
}

impl Sources {
    /// Sources whose neutral root is the vendor message at `input` (`""` or `message`).
    pub(crate) fn rooted(input: impl Into<String>) -> Self {
        Self {
            pairs: vec![(String::new(), input.into())],
        }
    }

    /// Records that the neutral `neutral` was read from the input's `input`.
    pub(crate) fn add(&mut self, neutral: impl Into<String>, input: impl Into<String>) {
        self.pairs.push((neutral.into(), input.into()));
    }

    /// The input path of the neutral `field`: the input of the longest recorded neutral
    /// path that is `field` or one of its parents. Without any record, `field` itself.
    pub(crate) fn resolve(&self, field: &str) -> String {
        if OPTION_FIELDS.contains(&field) {
            return field.to_owned();
        }
        self.pairs
            .iter()
            .filter(|(neutral, _)| is_within(field, neutral))
            .max_by_key(|(neutral, _)| neutral.len())
            .map_or_else(|| field.to_owned(), |(_, input)| input.clone())
    }

    pub(crate) fn warning(&self, mut warning: Warning) -> Warning {
        if !self.pairs.is_empty() {
            warning.field = self.resolve(&warning.field);
        }
        warning
    }

    pub(crate) fn error(&self, error: Error) -> Error {
        match error.field() {
            Some(field) if !self.pairs.is_empty() => {
                let field = self.resolve(field);
                let kind = error.kind().clone();
                if field.is_empty() {
                    Error::new(kind)
                } else {
                    Error::at(kind, field)
                }
            }
            _ => error,
        }
    }
}

/// True when `field` is `parent` or lies inside it (`parent` followed by `.` or `[`).
fn is_within(field: &str, parent: &str) -> bool {
    if parent.is_empty() {
        return true;
    }
    match field.strip_prefix(parent) {
        Some("") => true,
        Some(rest) => rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::Sources;

    #[test]
    fn the_longest_recorded_parent_wins_and_the_root_catches_the_rest() {
        let mut sources = Sources::rooted("message");
        sources.add("cards[1]", "message.carousel_message.cards[1]");
        sources.add(
            "cards[1].media_url",
            "message.carousel_message.cards[1].media_message.url",
        );
        sources.add("cards[10]", "message.carousel_message.cards[10]");
        assert_eq!(
            sources.resolve("cards[1].media_url"),
            "message.carousel_message.cards[1].media_message.url"
        );
        assert_eq!(
            sources.resolve("cards[1].actions[0].title"),
            "message.carousel_message.cards[1]"
        );
        assert_eq!(
            sources.resolve("cards[10]"),
            "message.carousel_message.cards[10]"
        );
        assert_eq!(sources.resolve("layout"), "message");
        assert_eq!(sources.resolve("maps_url_template"), "maps_url_template");
        assert_eq!(Sources::default().resolve("cards[0]"), "cards[0]");
    }
}
