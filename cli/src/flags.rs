//! Flag values that name one of the core's inputs: the product, and `msgrkit policy`'s
//! author, intent and mode.

use msgrkit::limits::Product;
use msgrkit::policy::{Author, Intent, Mode};

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum AuthorArg {
    Human,
    Bot,
}

impl From<AuthorArg> for Author {
    fn from(arg: AuthorArg) -> Self {
        match arg {
            AuthorArg::Human => Self::Human,
            AuthorArg::Bot => Self::Bot,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum IntentArg {
    Reply,
    Update,
}

impl From<IntentArg> for Intent {
    fn from(arg: IntentArg) -> Self {
        match arg {
            IntentArg::Reply => Self::Reply,
            IntentArg::Update => Self::Update,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub(crate) enum ModeArg {
    Explicit,
    AutoHumanAgent,
}

impl From<ModeArg> for Mode {
    fn from(arg: ModeArg) -> Self {
        match arg {
            ModeArg::Explicit => Self::Explicit,
            ModeArg::AutoHumanAgent => Self::AutoHumanAgent,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ProductArg {
    Messenger,
    Instagram,
}

/// The product named by `--platform`, or the core's default.
pub(crate) fn product(arg: Option<ProductArg>) -> Product {
    arg.map_or_else(Product::default, |p| match p {
        ProductArg::Messenger => Product::Messenger,
        ProductArg::Instagram => Product::Instagram,
    })
}
