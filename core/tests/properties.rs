//! Properties over generated input: whatever compose emits passes `validate`, and
//! splitting text never loses any of it.

use msgrkit::compose::{self, Action, Card, ComposeOptions, LinkAction, Location, Media, Message};
use msgrkit::limits;
use proptest::prelude::*;

fn title() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "\\PC{0,40}", "[a-z ]{15,30}"]
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        "https://example\\.com/[a-z0-9]{0,12}",
        "tel:\\+?[0-9 ()-]{4,18}",
        "[a-z]{1,8}:[a-z/]{1,10}",
        "\\PC{0,10}",
    ]
}

fn link() -> impl Strategy<Value = LinkAction> {
    (
        url(),
        proptest::option::of(title()),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of("compact|tall|full|huge"),
    )
        .prop_map(|(url, title, default, extensions, webview)| {
            let mut link = LinkAction::default();
            link.url = url;
            link.title = title;
            link.default = default;
            link.extensions = extensions;
            link.webview = webview;
            if extensions {
                link.fallback_url = Some("https://example.com/fallback".to_owned());
            }
            link
        })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (
            title(),
            proptest::option::of(title()),
            proptest::option::of(Just("https://example.com/i.png".to_owned()))
        )
            .prop_map(|(title, payload, icon_url)| Action::Reply {
                title,
                payload,
                icon_url
            }),
        (title(), title()).prop_map(|(title, payload)| Action::Postback { title, payload }),
        link().prop_map(Action::Link),
        (title(), "[+0-9 ()-]{0,18}").prop_map(|(title, phone)| Action::Call { title, phone }),
        proptest::option::of(title()).prop_map(|title| Action::LocationRequest { title }),
        Just(Action::PhoneRequest {}),
        Just(Action::EmailRequest {}),
        Just(Action::Share {}),
        (title(), 0i64..100_000, "usd|EUR|Usd").prop_map(|(title, amount, currency)| Action::Buy {
            title,
            amount,
            currency: currency.to_owned()
        }),
        Just(Action::AccountUnlink {}),
        (title(), -90.0f64..90.0, -180.0f64..180.0).prop_map(|(title, lat, lon)| Action::Map {
            title,
            lat,
            lon
        }),
    ]
}

fn card() -> impl Strategy<Value = Card> {
    (
        proptest::option::of(title()),
        proptest::option::of("\\PC{0,100}"),
        proptest::option::of(Just("https://example.com/c.jpg".to_owned())),
        proptest::collection::vec(action(), 0..5),
        proptest::option::of(link()),
    )
        .prop_map(|(title, subtitle, media_url, actions, default_action)| {
            let mut card = Card::default();
            card.title = title;
            card.subtitle = subtitle;
            card.media_url = media_url;
            card.actions = actions;
            card.default_action = default_action;
            card
        })
}

fn media() -> impl Strategy<Value = Media> {
    (
        "[a-z]{1,8}\\.(jpg|png|mp4|mp3|pdf|bin)",
        proptest::option::of(0u64..40_000_000),
        any::<bool>(),
    )
        .prop_map(|(name, size, by_id)| {
            let mut media = Media::default();
            if by_id {
                media.attachment_id = Some("1857777774821032".to_owned());
            } else {
                media.url = Some(format!("https://cdn.example.com/{name}"));
            }
            media.size_bytes = size;
            media
        })
}

fn message() -> impl Strategy<Value = Message> {
    (
        proptest::option::of(prop_oneof![
            "\\PC{0,80}",
            "[a-z \n]{600,700}",
            "\\PC{1990,2100}"
        ]),
        proptest::collection::vec(action(), 0..16),
        proptest::collection::vec(card(), 0..13),
        proptest::option::of(media()),
        proptest::option::of((
            -90.0f64..90.0,
            -180.0f64..180.0,
            proptest::option::of(title()),
        )),
        proptest::option::of("\\PC{0,1100}"),
    )
        .prop_map(|(text, actions, cards, media, location, metadata)| {
            let mut message = Message::default();
            message.text = text;
            message.actions = actions;
            message.cards = cards;
            message.media = media;
            message.location = location.map(|(lat, lon, title)| {
                let mut place = Location::default();
                place.lat = lat;
                place.lon = lon;
                place.title = title;
                place
            });
            message.metadata = metadata;
            message
        })
}

fn options() -> impl Strategy<Value = ComposeOptions> {
    (
        "split|truncate|reject",
        "none|smooch",
        "reject|link|legacy",
        "text|reply",
        "native|text",
        "messenger|instagram",
        "2026-11-21|2018-06-01",
    )
        .prop_map(|(overflow, compat, payments, location, cards, platform, as_of)| {
            serde_json::from_value(serde_json::json!({
                "overflow": overflow, "compat": compat, "payments": payments, "location_request": location,
                "cards": cards, "platform": platform, "as_of": as_of,
                "checkout_url_template": "https://pay.example.com/?a={amount}&c={currency}",
            }))
            .expect("valid options")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// compose either emits messages that all pass `validate`, or rejects the input with a
    /// code naming an input problem; never `validation_failed`, never a panic.
    #[test]
    fn compose_output_always_validates(message in message(), options in options()) {
        match compose::compose(&message, &options) {
            Ok(composed) => {
                prop_assert!(!composed.messages.is_empty());
                for out in &composed.messages {
                    let violations = limits::validate_message(out, &options.platform);
                    prop_assert!(violations.is_empty(), "{violations:?} in {out:?}");
                }
            }
            Err(err) => prop_assert_ne!(err.code(), "validation_failed", "{}", err),
        }
    }

    /// Splitting plain text never loses any of it: the text messages join back to the input.
    #[test]
    fn split_text_loses_nothing(text in prop_oneof!["\\PC{1,5000}", "[a-z \n]{1,5000}", "(👨‍👩‍👧‍👦|e\u{301}|x ){1,2500}"]) {
        prop_assume!(!text.trim().is_empty());
        let composed = compose::compose(&Message::text(text.clone()), &ComposeOptions::default()).expect("plain text composes");
        let joined: String = composed.messages.iter().map(|m| m.text.clone().unwrap_or_default()).collect();
        let dropped = composed.warnings.iter().any(|w| w.code == compose::WarningCode::Dropped);
        if dropped {
            // Only whitespace may ever be left out, and it is reported.
            prop_assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
        } else {
            prop_assert_eq!(joined, text);
        }
    }
}
