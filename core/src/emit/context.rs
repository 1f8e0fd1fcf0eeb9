//! What every emitter needs for one event: its IDs, times and names, and where its
//! callbacks and warnings go.

use serde_json::Value;

use super::{EmitConfig, EmitWarning, Vendor, channel_of, ids};
use crate::compose::WarningCode;
use crate::graph::UserProfile;
use crate::inbound::{Activity, Inbound, OtherPart, Receipt};
use crate::limits::iso_millis;

/// The host's IDs of the messages it sent, by Meta's `mid` (the first record of each),
/// built once per call so that a read covering many of them stays linear.
pub(super) type SentIds<'a> = std::collections::HashMap<&'a str, Option<&'a str>>;

/// [`SentIds`] of `config`.
pub(super) fn sent_ids(config: &EmitConfig) -> SentIds<'_> {
    let mut ids = SentIds::with_capacity(config.sent.len());
    for sent in &config.sent {
        ids.entry(sent.mid.as_str())
            .or_insert(sent.message_id.as_deref());
    }
    ids
}

/// One event being emitted.
pub(super) struct Ctx<'a> {
    pub(super) vendor: Vendor,
    pub(super) config: &'a EmitConfig,
    sent_ids: &'a SentIds<'a>,
    pub(super) event: &'a Inbound,
    pub(super) index: usize,
    /// The event's time, epoch ms (now, when Meta gave none).
    pub(super) millis: i64,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        vendor: Vendor,
        config: &'a EmitConfig,
        sent_ids: &'a SentIds<'a>,
        event: &'a Inbound,
        index: usize,
    ) -> Self {
        let millis = event.timestamp.unwrap_or_else(now_millis);
        Self {
            vendor,
            config,
            sent_ids,
            event,
            index,
            millis,
        }
    }

    fn id(&self, parts: &[&str]) -> String {
        ids::derive(self.vendor, parts)
    }

    /// The person's ID in the vendor (Sinch contact, Smooch appUser, Sunshine user).
    pub(super) fn user_id(&self) -> String {
        let own = self.config.people.get(&self.event.customer);
        own.and_then(|p| p.user_id.clone())
            .unwrap_or_else(|| self.id(&["user", &self.event.page_id, &self.event.customer]))
    }

    /// The conversation's ID.
    pub(super) fn conversation_id(&self) -> String {
        let own = self.config.people.get(&self.event.customer);
        own.and_then(|p| p.conversation_id.clone())
            .unwrap_or_else(|| {
                self.id(&["conversation", &self.event.page_id, &self.event.customer])
            })
    }

    /// The vendor's ID of the `part`-th callback message made of Meta message `mid`
    /// (the event's dedupe key when it has no `mid`).
    pub(super) fn inbound_message_id(&self, mid: Option<&str>, part: usize) -> String {
        let mid = mid.unwrap_or(&self.event.dedupe_key);
        self.id(&["message", &self.event.page_id, mid, &part.to_string()])
    }

    /// The host's ID of a message it sent, by Meta's `mid`.
    pub(super) fn sent_message_id(&self, mid: &str) -> String {
        let recorded = self.sent_ids.get(mid).copied().flatten();
        recorded
            .map(str::to_owned)
            .or_else(|| self.config.messages.get(mid).cloned())
            .unwrap_or_else(|| self.id(&["message", &self.event.page_id, mid, "0"]))
    }

    /// An ID for the `n`-th callback of this event (Sunshine events, Linktor events).
    pub(super) fn event_id(&self, name: &str, n: usize) -> String {
        self.id(&["event", &self.event.dedupe_key, name, &n.to_string()])
    }

    /// The messages a receipt covers: those Meta named, then the host's sent messages to
    /// this person at or before the watermark, each once, in order.
    pub(super) fn covered(&self, receipt: &Receipt) -> Vec<String> {
        let mut mids = receipt.mids.clone();
        let read_at = receipt.watermark.or_else(|| {
            // Instagram reads name one message: everything sent until it is read too.
            let named = receipt.mids.first()?;
            self.config
                .sent
                .iter()
                .find(|s| &s.mid == named)
                .map(|s| s.timestamp)
        });
        // A set, not `mids.contains`: a read covering many sent messages stays linear.
        let mut seen: std::collections::HashSet<String> = mids.iter().cloned().collect();
        for sent in &self.config.sent {
            let ours = sent.recipient == self.event.customer;
            if ours && read_at.is_some_and(|w| sent.timestamp <= w) && seen.insert(sent.mid.clone())
            {
                mids.push(sent.mid.clone());
            }
        }
        mids
    }

    /// The event's own field in Meta's webhook, for warnings about the whole event.
    pub(super) fn field(&self) -> &str {
        match &self.event.activity {
            Activity::Message(_) | Activity::Echo(_) => "message",
            Activity::Postback(_) => "postback",
            Activity::Reaction(_) => "reaction",
            Activity::Delivered(_) => "delivery",
            Activity::Read(_) => "read",
            Activity::Referral(_) => "referral",
            Activity::Optin(_) => "optin",
            Activity::Edit(_) => "message_edit",
            Activity::Unsend(_) => "message.is_deleted",
            Activity::Other(other) => &other.event_type,
        }
    }

    pub(super) fn iso(&self) -> String {
        iso_millis(self.millis)
    }

    /// Epoch seconds with milliseconds (Smooch v1's time form).
    pub(super) fn seconds(&self) -> f64 {
        self.millis as f64 / 1000.0
    }

    /// `messenger` / `instagram`.
    pub(super) fn source_type(&self) -> &'static str {
        channel_of(self.event.platform).0
    }

    /// `MESSENGER` / `INSTAGRAM` (Sinch's channel names).
    pub(super) fn channel(&self) -> &'static str {
        channel_of(self.event.platform).1
    }

    pub(super) fn profile(&self) -> Option<&UserProfile> {
        self.config.profiles.get(&self.event.customer)
    }

    /// The person's name for display, from the host's profile.
    pub(super) fn display_name(&self) -> Option<String> {
        let profile = self.profile()?;
        let parts: Vec<&str> = [&profile.first_name, &profile.last_name]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        if parts.is_empty() {
            profile.name.clone()
        } else {
            Some(parts.join(" "))
        }
    }

    pub(super) fn app_id(&self) -> &str {
        self.config.app_id.as_deref().unwrap_or_default()
    }

    pub(super) fn integration_id(&self) -> &str {
        self.config.integration_id.as_deref().unwrap_or_default()
    }
}

/// Callback bodies and warnings, in event order.
#[derive(Default)]
pub(super) struct Out {
    pub(super) bodies: Vec<Value>,
    pub(super) warnings: Vec<EmitWarning>,
}

impl Out {
    pub(super) fn push(&mut self, body: Value) {
        self.bodies.push(body);
    }

    pub(super) fn warn(&mut self, ctx: &Ctx<'_>, code: WarningCode, field: &str, detail: String) {
        self.warnings.push(EmitWarning {
            code,
            event: ctx.index,
            dedupe_key: ctx.event.dedupe_key.clone(),
            field: field.to_owned(),
            detail,
        });
    }

    /// The whole event has no callback in this vendor.
    pub(super) fn no_equivalent(&mut self, ctx: &Ctx<'_>) {
        let field = ctx.field();
        let detail = format!(
            "{:?} has no callback for a Messenger `{field}` event",
            ctx.vendor
        );
        self.warn(ctx, WarningCode::NoEquivalent, field, detail);
    }

    /// An attachment no vendor has a type for, as text: its title and link (`replaced`),
    /// or nothing when it has no link (`dropped`). `field` is the attachment's own.
    pub(super) fn link_text(
        &mut self,
        ctx: &Ctx<'_>,
        other: &OtherPart,
        field: &str,
    ) -> Option<String> {
        let kind = &other.attachment_type;
        let Some(url) = &other.url else {
            let detail = format!("{:?} has no content for a `{kind}` attachment", ctx.vendor);
            self.warn(ctx, WarningCode::Dropped, field, detail);
            return None;
        };
        let detail = format!("a `{kind}` attachment sent as its link");
        self.warn(ctx, WarningCode::Replaced, field, detail);
        Some(match &other.title {
            Some(title) => format!("{title}\n{url}"),
            None => url.clone(),
        })
    }

    /// The messages a receipt covers ([`Ctx::covered`]), at most
    /// [`crate::limits::EMIT_RECEIPT_CALLBACKS_MAX`] (one callback each): past it, the rest
    /// are left out with a `dropped` warning saying how many.
    pub(super) fn covered(&mut self, ctx: &Ctx<'_>, receipt: &Receipt) -> Vec<String> {
        let mut mids = ctx.covered(receipt);
        let max = crate::limits::EMIT_RECEIPT_CALLBACKS_MAX;
        if mids.len() > max {
            let field = format!("{}.watermark", ctx.field());
            let detail = format!(
                "the receipt covers {} messages: callbacks for the first {max} only",
                mids.len()
            );
            mids.truncate(max);
            self.warn(ctx, WarningCode::Dropped, &field, detail);
        }
        mids
    }

    /// A receipt that names no message the host recorded.
    pub(super) fn nothing_covered(&mut self, ctx: &Ctx<'_>) {
        let field = ctx.field();
        let detail = "the receipt covers no known message: pass the messages sent to this \
                      person as `sent` (or Meta's `mids`)"
            .to_owned();
        self.warn(ctx, WarningCode::NoEquivalent, field, detail);
    }
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
