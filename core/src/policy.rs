//! The messaging window and message tags, decided before Meta rejects a send.
//!
//! Inside 24 hours of the person's last message anything may be sent (`RESPONSE` or
//! `UPDATE`); after that only a tagged message, and `HUMAN_AGENT` only from a human
//! within 7 days. Tags are judged on the date of `now`, so retired tags are refused.
//! See `messenger-platform.md` §10 and [Meta Docs/Send API].
//!
//! [Meta Docs/Send API]: https://developers.facebook.com/docs/messenger-platform/reference/send-api

use serde::{Deserialize, Serialize};

use crate::limits::{Date, PRIVATE_REPLY_WINDOW_DAYS, Platform, Product, STANDARD_WINDOW_HOURS};
use crate::send::{MessageTag, MessagingType};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// Who writes the message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Author {
    /// A person (an agent in the helpdesk).
    Human,
    /// Automation: a bot, a rule, a campaign.
    #[default]
    Bot,
}

/// What the message is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Intent {
    /// A reply to the person.
    #[default]
    Reply,
    /// A proactive message.
    Update,
    /// A message sent with this tag.
    Tag(MessageTag),
}

/// How tags are chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mode {
    /// A tag is used only when asked for.
    #[default]
    Explicit,
    /// A human's message between 24 hours and 7 days is tagged `HUMAN_AGENT` by itself
    /// (as IS-Messenger does); automated messages never are.
    AutoHumanAgent,
}

/// The facts a decision is made from. Times are epoch milliseconds (read from epoch
/// milliseconds or an RFC 3339 instant with its offset); an unknown key is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PolicyInput {
    /// The person's last message, postback, reaction, opt-in or referral.
    #[serde(deserialize_with = "crate::limits::epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub last_user_activity: i64,
    /// When the message would be sent.
    #[serde(deserialize_with = "crate::limits::epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub now: i64,
    /// Who writes it.
    #[serde(default)]
    pub author: Author,
    /// What it is.
    #[serde(default)]
    pub intent: Intent,
    /// How tags are chosen.
    #[serde(default)]
    pub mode: Mode,
    /// Messenger or Instagram.
    #[serde(default)]
    pub platform: Product,
}

impl PolicyInput {
    /// A reply by `author` at `now` to a person last active at `last_user_activity`.
    pub fn new(last_user_activity: i64, now: i64, author: Author) -> Self {
        Self {
            last_user_activity,
            now,
            author,
            intent: Intent::Reply,
            mode: Mode::Explicit,
            platform: Product::Messenger,
        }
    }
}

/// How to send: the request's `messaging_type` and `tag`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Decision {
    /// `RESPONSE`, `UPDATE` or `MESSAGE_TAG`.
    pub messaging_type: MessagingType,
    /// The tag with `MESSAGE_TAG`, else `null`.
    pub tag: Option<MessageTag>,
}

/// Why the message may not be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RefusalCode {
    /// More than 24 hours passed and no tag applies.
    OutsideWindow,
    /// A human's message, but more than 7 days passed.
    HumanAgentWindowClosed,
    /// The tag's own window (for example `CUSTOMER_FEEDBACK`, 7 days) has closed.
    TagWindowClosed,
    /// The tag is no longer accepted on this date.
    TagRetired,
    /// The tag may be sent only by a human.
    TagNotAllowedForAuthor,
    /// The tag is not accepted on this platform (Instagram takes only `HUMAN_AGENT`).
    TagNotAllowedOnPlatform,
    /// No such tag.
    TagUnknown,
    /// This comment already had its one private reply.
    PrivateReplyAlreadySent,
    /// More than 7 days passed since the comment.
    PrivateReplyWindowClosed,
}

/// A refusal with its reason and, for windows, when the window closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Refusal {
    /// Why.
    pub code: RefusalCode,
    /// In lowercase words (not compared by tests).
    pub detail: String,
    /// When the relevant window closed (epoch ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_closed_at: Option<i64>,
    /// For retired tags: the first day Meta refused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_on: Option<Date>,
    /// For retired tags: what to use instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

impl Refusal {
    fn new(code: RefusalCode, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
            window_closed_at: None,
            retired_on: None,
            replacement: None,
        }
    }

    fn closed(code: RefusalCode, detail: impl Into<String>, at: i64) -> Self {
        Self {
            window_closed_at: Some(at),
            ..Self::new(code, detail)
        }
    }
}

/// Decides `messaging_type` and `tag` for a message, or refuses it with the reason.
///
/// A window is open while less than its length has passed (at exactly 24 hours it is
/// closed). A last activity slightly in the future (clock skew) counts as now.
///
/// # Errors
///
/// The [`Refusal`] when the message may not be sent.
pub fn decide(input: &PolicyInput) -> Result<Decision, Refusal> {
    let elapsed = (input.now - input.last_user_activity).max(0);
    let standard_closes = input.last_user_activity + STANDARD_WINDOW_HOURS * HOUR_MS;
    match &input.intent {
        Intent::Tag(tag) => tagged(input, tag, elapsed),
        intent if elapsed < STANDARD_WINDOW_HOURS * HOUR_MS => Ok(Decision {
            messaging_type: if *intent == Intent::Update {
                MessagingType::Update
            } else {
                MessagingType::Response
            },
            tag: None,
        }),
        _ if input.mode == Mode::AutoHumanAgent && input.author == Author::Human => {
            tagged(input, &MessageTag::HumanAgent, elapsed)
        }
        _ => Err(Refusal::closed(
            RefusalCode::OutsideWindow,
            "more than 24 hours since the person's last message; only a tagged message may be sent",
            standard_closes,
        )),
    }
}

fn tagged(input: &PolicyInput, tag: &MessageTag, elapsed: i64) -> Result<Decision, Refusal> {
    let platform = Platform::as_of(Date::from_millis(input.now)).for_product(input.platform);
    let name = tag.as_str();
    if let Some(retirement) = platform.retirement(&format!("tag:{name}")) {
        let mut refusal = Refusal::new(
            RefusalCode::TagRetired,
            format!("`{name}` is not accepted since {}", retirement.on),
        );
        refusal.retired_on = Some(retirement.on);
        refusal.replacement = platform.replacement(retirement).map(str::to_owned);
        return Err(refusal);
    }
    let Some(rule) = platform.tag(name) else {
        if platform.is_known_tag(name) {
            // A tag of the pre-2020 policy, still valid on this date.
            return Ok(tag_decision(tag));
        }
        return Err(Refusal::new(
            RefusalCode::TagUnknown,
            format!("`{name}` is not a message tag"),
        ));
    };
    if platform.product == Product::Instagram && !rule.instagram {
        return Err(Refusal::new(
            RefusalCode::TagNotAllowedOnPlatform,
            format!("instagram accepts only HUMAN_AGENT, not `{name}`"),
        ));
    }
    if rule.human_only && input.author != Author::Human {
        return Err(Refusal::new(
            RefusalCode::TagNotAllowedForAuthor,
            format!("`{name}` may only be used by a human agent"),
        ));
    }
    if let Some(days) = rule.window_days {
        let length = i64::from(days) * DAY_MS;
        if elapsed >= length {
            let code = if *tag == MessageTag::HumanAgent {
                RefusalCode::HumanAgentWindowClosed
            } else {
                RefusalCode::TagWindowClosed
            };
            let detail =
                format!("`{name}` may be used for {days} days after the person's last message");
            return Err(Refusal::closed(
                code,
                detail,
                input.last_user_activity + length,
            ));
        }
    }
    Ok(tag_decision(tag))
}

fn tag_decision(tag: &MessageTag) -> Decision {
    Decision {
        messaging_type: MessagingType::MessageTag,
        tag: Some(tag.clone()),
    }
}

/// Decides a private reply to a comment made at `comment_created`: one per comment,
/// within 7 days. Send it with `recipient.comment_id` and `messaging_type: RESPONSE`.
///
/// # Errors
///
/// `private_reply_already_sent` or `private_reply_window_closed`.
pub fn decide_private_reply(
    comment_created: i64,
    now: i64,
    already_replied: bool,
) -> Result<Decision, Refusal> {
    if already_replied {
        return Err(Refusal::new(
            RefusalCode::PrivateReplyAlreadySent,
            "a comment gets one private reply",
        ));
    }
    let closes = comment_created + PRIVATE_REPLY_WINDOW_DAYS * DAY_MS;
    if now >= closes {
        return Err(Refusal::closed(
            RefusalCode::PrivateReplyWindowClosed,
            "private replies are accepted for 7 days after the comment",
            closes,
        ));
    }
    Ok(Decision {
        messaging_type: MessagingType::Response,
        tag: None,
    })
}

#[cfg(test)]
mod tests {
    use super::RefusalCode;

    #[test]
    fn codes_match_their_json_form() {
        for code in [
            RefusalCode::OutsideWindow,
            RefusalCode::HumanAgentWindowClosed,
            RefusalCode::TagWindowClosed,
            RefusalCode::TagRetired,
            RefusalCode::TagNotAllowedForAuthor,
            RefusalCode::TagNotAllowedOnPlatform,
            RefusalCode::TagUnknown,
            RefusalCode::PrivateReplyAlreadySent,
            RefusalCode::PrivateReplyWindowClosed,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}

crate::code_table::code_table! {
    /// Every policy refusal code.
    REFUSAL_CODES: RefusalCode::as_str(Self) {
        OutsideWindow => "outside_window",
        HumanAgentWindowClosed => "human_agent_window_closed",
        TagWindowClosed => "tag_window_closed",
        TagRetired => "tag_retired",
        TagNotAllowedForAuthor => "tag_not_allowed_for_author",
        TagNotAllowedOnPlatform => "tag_not_allowed_on_platform",
        TagUnknown => "tag_unknown",
        PrivateReplyAlreadySent => "private_reply_already_sent",
        PrivateReplyWindowClosed => "private_reply_window_closed",
    }
}
