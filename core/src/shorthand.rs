//! Smooch's messaging shorthand inside text: `%[label](url)`, `%[label](reply:PAYLOAD)`,
//! `%[label](postback:PAYLOAD)`, `%[label](location)`, `$[label](9.99)` / `$[label]($9.99)`
//! and `![alt](url)`.
//!
//! Tokens are removed from the text and become actions or media; malformed tokens stay as
//! literal text. The grammar is the one in `vendor-formats.md` §2.4 (no official parser
//! is public).

use serde::{Deserialize, Serialize};

use crate::compose::{Action, LinkAction, Media, MediaKind};

/// What shorthand parsing found in a text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Parsed {
    /// The text with every token removed and leftover whitespace collapsed.
    pub text: String,
    /// Buttons, replies, location requests and buy actions, in order of appearance.
    pub actions: Vec<Action>,
    /// The image of the first `![alt](url)` token.
    pub media: Option<Media>,
}

/// Parses the shorthand tokens out of `text`; buy amounts are in `currency`.
pub fn parse(text: &str, currency: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(['%', '$', '!']) {
        kept.push_str(&rest[..start]);
        let candidate = &rest[start..];
        match token(candidate, currency) {
            Some((found, used)) => {
                match found {
                    Found::Action(action) => out.actions.push(action),
                    Found::Image(url) if out.media.is_none() => {
                        out.media = Some(Media {
                            url: Some(url),
                            kind: Some(MediaKind::Image),
                            ..Media::default()
                        });
                    }
                    Found::Image(_) => {}
                }
                rest = &candidate[used..];
            }
            None => {
                let sigil = candidate.chars().next().map_or(1, char::len_utf8);
                kept.push_str(&candidate[..sigil]);
                rest = &candidate[sigil..];
            }
        }
    }
    kept.push_str(rest);
    out.text = collapse(&kept);
    out
}

enum Found {
    Action(Action),
    Image(String),
}

/// One token at the start of `text`, and how many bytes it used.
fn token(text: &str, currency: &str) -> Option<(Found, usize)> {
    let sigil = text.as_bytes().first().copied()?;
    if text.as_bytes().get(1) != Some(&b'[') {
        return None;
    }
    let label_end = text[2..].find(']')? + 2;
    let label = text[2..label_end].trim();
    if text.as_bytes().get(label_end + 1) != Some(&b'(') {
        return None;
    }
    let target_start = label_end + 2;
    let target_end = matching_paren(&text[target_start..])? + target_start;
    let target = text[target_start..target_end].trim();
    let used = target_end + 1;
    let found = match sigil {
        b'%' if !label.is_empty() => Found::Action(button(label, target)?),
        b'$' if !label.is_empty() => {
            let amount = cents(target.strip_prefix('$').unwrap_or(target))?;
            Found::Action(Action::Buy {
                title: label.to_owned(),
                amount,
                currency: currency.to_owned(),
            })
        }
        b'!' if has_scheme(target) => Found::Image(target.to_owned()),
        _ => return None,
    };
    Some((found, used))
}

fn button(label: &str, target: &str) -> Option<Action> {
    let title = label.to_owned();
    if let Some(payload) = target.strip_prefix("reply:") {
        return Some(Action::Reply {
            title,
            payload: Some(payload.to_owned()),
            icon_url: None,
        });
    }
    if let Some(payload) = target.strip_prefix("postback:") {
        return Some(Action::Postback {
            title,
            payload: payload.to_owned(),
        });
    }
    if target == "location" {
        return Some(Action::LocationRequest { title: Some(title) });
    }
    has_scheme(target).then(|| {
        Action::Link(LinkAction {
            title: Some(title),
            url: target.to_owned(),
            ..LinkAction::default()
        })
    })
}

/// The index of the `)` closing an already opened `(`, allowing balanced parentheses inside.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, byte) in text.bytes().enumerate() {
        match byte {
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(index),
            b')' => depth -= 1,
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// `scheme:rest` with a scheme of letters, digits, `+`, `-` or `.`, starting with a letter.
fn has_scheme(target: &str) -> bool {
    match target.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `25`, `25.5` or `25.00` to cents (rounding beyond two decimals); `None` if not a number.
fn cents(amount: &str) -> Option<i64> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (amount.contains('.') && !digits(fraction)) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let padded = format!("{fraction:0<3}");
    let hundredths: i64 = padded[..2].parse().ok()?;
    let round_up = i64::from(padded.as_bytes()[2] >= b'5');
    whole.checked_mul(100)?.checked_add(hundredths + round_up)
}

/// Collapses runs of spaces and more than one blank line; trims lines and the whole text.
fn collapse(text: &str) -> String {
    let mut lines: Vec<String> = text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_become_cents() {
        assert_eq!(cents("25.00"), Some(2500));
        assert_eq!(cents("9.99"), Some(999));
        assert_eq!(cents("9.5"), Some(950));
        assert_eq!(cents("49"), Some(4900));
        assert_eq!(cents("9.995"), Some(1000));
        assert_eq!(cents("nine"), None);
        assert_eq!(cents("9."), None);
    }

    #[test]
    fn balanced_parentheses_stay_in_the_payload() {
        let parsed = parse("%[Yes](postback:ANSWER(yes)) end", "USD");
        assert_eq!(parsed.text, "end");
        assert_eq!(
            parsed.actions,
            [Action::Postback {
                title: "Yes".into(),
                payload: "ANSWER(yes)".into()
            }]
        );
    }
}
