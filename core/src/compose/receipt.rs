//! A receipt: the receipt template, which Instagram does not have.

use super::message::Receipt;
use super::options::ComposeOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Product;
use crate::send::{Attachment, Message as Out, ReceiptTemplate, Template};

/// The receipt template of `receipt`; `unsupported` on Instagram.
pub(super) fn receipt_message(receipt: &Receipt, options: &ComposeOptions) -> Result<Out> {
    if options.platform.product == Product::Instagram {
        return Err(Error::at(
            ErrorKind::Unsupported {
                detail: "instagram has no receipt template".to_owned(),
            },
            "receipt",
        ));
    }
    let template = ReceiptTemplate {
        address: receipt.address.clone(),
        adjustments: receipt.adjustments.clone(),
        currency: receipt.currency.to_ascii_uppercase(),
        elements: receipt
            .items
            .iter()
            .cloned()
            .map(|mut item| {
                item.currency = item.currency.map(|c| c.to_ascii_uppercase());
                item
            })
            .collect(),
        merchant_name: receipt.merchant_name.clone(),
        order_number: receipt.order_number.clone(),
        order_url: receipt.order_url.clone(),
        payment_method: receipt.payment_method.clone(),
        recipient_name: receipt.recipient_name.clone(),
        sharable: None,
        summary: receipt.summary.clone(),
        timestamp: receipt.timestamp.map(|t| t.to_string()),
    };
    Ok(Out::attachment(Attachment::Template(Template::Receipt(
        Box::new(template),
    ))))
}
