//! Rules for the receipt template.

use super::ViolationCode;
use super::check::{Checker, Path, clip};
use crate::send::ReceiptTemplate;

/// A receipt template at `path`: the order's fields, its currency, its elements and summary.
pub(crate) fn receipt(check: &mut Checker<'_>, path: &Path<'_>, body: &ReceiptTemplate) {
    let limits = check.platform.limits;
    for (value, key) in [
        (&body.recipient_name, "recipient_name"),
        (&body.order_number, "order_number"),
        (&body.payment_method, "payment_method"),
    ] {
        check.required(&path.key(key), value);
    }
    currency(check, &path.key("currency"), &body.currency);
    if let Some(url) = &body.order_url {
        check.url(&path.key("order_url"), url);
    }
    if let Some(timestamp) = &body.timestamp
        && !(timestamp.len() <= 11
            && !timestamp.is_empty()
            && timestamp.bytes().all(|b| b.is_ascii_digit()))
    {
        check.push(
            ViolationCode::InvalidValue,
            &path.key("timestamp"),
            "must be epoch seconds as a string",
        );
    }
    if let Some(address) = &body.address {
        let at = path.key("address");
        for (value, key) in [
            (&address.street_1, "street_1"),
            (&address.city, "city"),
            (&address.postal_code, "postal_code"),
            (&address.state, "state"),
            (&address.country, "country"),
        ] {
            check.required(&at.key(key), value);
        }
    }
    let elements = path.key("elements");
    check.count(&elements, body.elements.len(), limits.receipt_elements);
    for (index, element) in body.elements.iter().enumerate() {
        let at = elements.index(index);
        check.required(&at.key("title"), &element.title);
        if let Some(code) = &element.currency {
            currency(check, &at.key("currency"), code);
        }
        if let Some(image) = &element.image_url {
            check.url(&at.key("image_url"), image);
        }
        amount(check, &at.key("price"), element.price);
    }
    let summary = path.key("summary");
    amount(check, &summary.key("total_cost"), body.summary.total_cost);
    for (value, key) in [
        (body.summary.subtotal, "subtotal"),
        (body.summary.shipping_cost, "shipping_cost"),
        (body.summary.total_tax, "total_tax"),
    ] {
        if let Some(value) = value {
            amount(check, &summary.key(key), value);
        }
    }
    let adjustments = path.key("adjustments");
    for (index, adjustment) in body.adjustments.iter().enumerate() {
        amount(
            check,
            &adjustments.index(index).key("amount"),
            adjustment.amount,
        );
    }
}

/// An amount of money: finite, not negative, at most [`super::RECEIPT_AMOUNT_MAX`].
fn amount(check: &mut Checker<'_>, path: &Path<'_>, value: f64) {
    if !(0.0..=super::RECEIPT_AMOUNT_MAX).contains(&value) {
        check.push(
            ViolationCode::InvalidValue,
            path,
            format!(
                "{value} is not an amount from 0 to {}",
                super::RECEIPT_AMOUNT_MAX
            ),
        );
    }
}

fn currency(check: &mut Checker<'_>, path: &Path<'_>, code: &str) {
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        check.push(
            ViolationCode::InvalidValue,
            path,
            format!("`{}` is not an ISO 4217 code such as USD", clip(code)),
        );
    }
}
