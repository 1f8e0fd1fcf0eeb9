//! The chat page: plain HTML, CSS and JavaScript embedded in the binary (no build step,
//! no CDN). It holds no secret: the app secret never leaves the server.

use axum::http::header;
use axum::response::IntoResponse;

pub(crate) async fn index() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("../page/index.html"),
    )
}

pub(crate) async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../page/app.js"),
    )
}

pub(crate) async fn log_script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../page/log.js"),
    )
}

pub(crate) async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../page/style.css"),
    )
}
