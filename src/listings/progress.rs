//! The upload island's second bar. After the file is stored, the server reads and checks it
//! while the answer streams how far it got, a line every fifth of a second and one at the end —
//! `checked rows`, `0 0` while the file is still being read — and last the preview's path. The preview page then
//! shows the same reading; the answer also records its counts in the history.
//!
//! Only the island asks for this answer (`Accept: text/x-vnext-progress`); a plain form post is
//! redirected to the preview, which reads the file as it renders.

use super::batches;
use super::entity::batch;
use super::report::Progress;
use crate::i18n::Lang;
use axum::body::Body;
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, stream};
use http::header;
use sea_orm::DatabaseConnection;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The media type the island asks for and gets.
pub const MEDIA_TYPE: &str = "text/x-vnext-progress";

const TICK: Duration = Duration::from_millis(200);

/// Reads and checks `batch` as the preview would, answering with its progress and then
/// `location`.
pub fn answer(
    db: DatabaseConnection,
    batch: batch::Model,
    lang: Lang,
    location: String,
) -> Response {
    let (lines, receiver) = mpsc::channel::<String>(8);
    tokio::spawn(async move {
        let progress = Arc::new(Progress::default());
        let reading = batches::read_and_plan_counting(&db, &batch, lang, progress.clone());
        tokio::pin!(reading);
        let mut tick = tokio::time::interval(TICK);
        let reading = loop {
            tokio::select! {
                reading = &mut reading => break reading,
                _ = tick.tick() => {
                    let (checked, rows) = progress.now();
                    // A line a slow reader has no room for is dropped, never waited for; a
                    // closed connection only ends the lines, and the reading goes on to its end.
                    let _ = lines.try_send(format!("{checked} {rows}\n"));
                }
            }
        };
        // The last count, however quick the reading: everything checked.
        let (checked, rows) = progress.now();
        let _ = lines.send(format!("{checked} {rows}\n")).await;
        match reading {
            Ok(reading) => {
                if let Err(err) = batches::note_preview(&db, &batch, &reading).await {
                    tracing::error!(batch = batch.id, error = %err, "recording a preview's counts failed");
                }
            }
            // The preview page reads the file again and shows what went wrong.
            Err(err) => tracing::error!(batch = batch.id, error = %err, "reading an upload failed"),
        }
        let _ = lines.send(format!("{location}\n")).await;
    });
    // Fused: the layers around a body may ask again after its end.
    let body = stream::unfold(receiver, |mut receiver| async move {
        let line = receiver.recv().await?;
        Some((Ok::<_, Infallible>(line), receiver))
    })
    .fuse();
    (
        [(header::CONTENT_TYPE, MEDIA_TYPE)],
        Body::from_stream(body),
    )
        .into_response()
}
