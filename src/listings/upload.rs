//! The upload form's island: a progress bar while the file travels, and another while the
//! server reads and checks it. Without JavaScript the form posts as it is and the preview page
//! follows.

use leptos::prelude::*;

/// Where an upload is: its file on the way, then the server reading it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Idle,
    /// Percent of the file sent.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // Only the browser sends.
    Sending(u32),
    /// Rows checked of the rows in the file; (0, 0) while the server reads it.
    Checking(u64, u64),
}

/// Wraps the upload form. `sending` holds `{percent}` where the share sent goes; `processing`
/// is shown while the server reads the file, `checking` (with `{done}` and `{total}`) while it
/// checks its rows, and `failed` when the upload fails.
#[island]
pub fn UploadProgress(
    sending: String,
    processing: String,
    checking: String,
    failed: String,
    children: Children,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let error = RwSignal::new(false);
    // Effects run only in the browser: the attribute tells tests the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let status = move || match stage.get() {
        Stage::Idle => String::new(),
        Stage::Sending(n) => sending.replace("{percent}", &n.to_string()),
        Stage::Checking(_, 0) => processing.clone(),
        Stage::Checking(done, total) => checking
            .replace("{done}", &done.to_string())
            .replace("{total}", &total.to_string()),
    };
    // No value: an indeterminate bar, while the server reads the file.
    let value = move || match stage.get() {
        Stage::Sending(n) => Some(n.to_string()),
        Stage::Checking(done, total) if total > 0 => {
            Some((done * 100 / total).min(100).to_string())
        }
        _ => None,
    };
    view! {
        <div
            class="upload-progress"
            data-hydrated=move || hydrated.get().to_string()
            on:submit=move |ev| browser::submit(ev, stage, error)
        >
            {children()}
            <p class="form-banner" role="alert" hidden=move || !error.get()>{failed}</p>
            <div hidden=move || stage.get() == Stage::Idle>
                <progress max="100" value=value></progress>
                <p aria-live="polite">{status}</p>
            </div>
        </div>
    }
}

mod browser {
    use super::Stage;
    use leptos::prelude::*;

    #[cfg(not(feature = "hydrate"))]
    pub fn submit(_: leptos::ev::SubmitEvent, _: RwSignal<Stage>, _: RwSignal<bool>) {}

    /// The stage the answer's lines so far tell (`checked rows` each), and the preview's path
    /// once the last line has come.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub(super) fn read_answer(text: &str) -> (Option<Stage>, Option<&str>) {
        let complete = text.rsplit_once('\n').map_or("", |(lines, _)| lines);
        let mut stage = None;
        let mut next = None;
        for line in complete.lines() {
            if let Some((done, total)) = line.split_once(' ') {
                if let (Ok(done), Ok(total)) = (done.parse(), total.parse()) {
                    stage = Some(Stage::Checking(done, total));
                }
            } else if line.starts_with('/') && !line.starts_with("//") {
                next = Some(line);
            }
        }
        (stage, next)
    }

    /// Sends the form with XMLHttpRequest, whose upload reports progress; reads the server's
    /// lines about its reading of the file as they come, then goes to the preview.
    #[cfg(feature = "hydrate")]
    pub fn submit(ev: leptos::ev::SubmitEvent, stage: RwSignal<Stage>, error: RwSignal<bool>) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let (Ok(data), Ok(request)) = (FormData::new_with_form(&form), XmlHttpRequest::new())
        else {
            return; // The browser posts the form itself.
        };
        if request.open("POST", &form.action()).is_err()
            || request
                .set_request_header("Accept", "text/x-vnext-progress")
                .is_err()
        {
            return;
        }
        ev.prevent_default();
        error.set(false);
        stage.set(Stage::Sending(0));
        let sending = Closure::<dyn FnMut(ProgressEvent)>::new(move |p: ProgressEvent| {
            if p.length_computable() && p.total() > 0.0 {
                stage.set(Stage::Sending(((p.loaded() / p.total()) * 100.0) as u32));
            }
        });
        let sent = Closure::<dyn FnMut()>::new(move || stage.set(Stage::Checking(0, 0)));
        let answering = {
            let request = request.clone();
            Closure::<dyn FnMut()>::new(move || {
                let text = request.response_text().ok().flatten().unwrap_or_default();
                if let (Some(now), _) = read_answer(&text) {
                    stage.set(now);
                }
            })
        };
        let done = {
            let request = request.clone();
            Closure::<dyn FnMut()>::new(move || {
                let text = request.response_text().ok().flatten().unwrap_or_default();
                let ok = request.status().is_ok_and(|s| s == 200);
                match (read_answer(&text).1.filter(|_| ok), web_sys::window()) {
                    (Some(next), Some(window)) => {
                        let _ = window.location().assign(next);
                    }
                    _ => {
                        stage.set(Stage::Idle);
                        error.set(true);
                    }
                }
            })
        };
        let failed = Closure::<dyn FnMut()>::new(move || {
            stage.set(Stage::Idle);
            error.set(true);
        });
        if let Ok(upload) = request.upload() {
            upload.set_onprogress(Some(sending.as_ref().unchecked_ref()));
            upload.set_onload(Some(sent.as_ref().unchecked_ref()));
        }
        request.set_onprogress(Some(answering.as_ref().unchecked_ref()));
        request.set_onload(Some(done.as_ref().unchecked_ref()));
        request.set_onerror(Some(failed.as_ref().unchecked_ref()));
        // The handlers live as long as the page: one upload per page load.
        sending.forget();
        sent.forget();
        answering.forget();
        done.forget();
        failed.forget();
        if request.send_with_opt_form_data(Some(&data)).is_err() {
            stage.set(Stage::Idle);
            error.set(true);
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_answer_tells_the_stage_and_at_last_the_preview() {
            assert_eq!(read_answer(""), (None, None));
            assert_eq!(read_answer("0 0\n"), (Some(Stage::Checking(0, 0)), None));
            // A line still on its way is not read.
            assert_eq!(
                read_answer("0 0\n120 2"),
                (Some(Stage::Checking(0, 0)), None)
            );
            let done = "0 0\n120 200\n200 200\n/ms/partner/imports/7\n";
            assert_eq!(
                read_answer(done),
                (
                    Some(Stage::Checking(200, 200)),
                    Some("/ms/partner/imports/7")
                )
            );
            assert_eq!(read_answer("//evil.example\n").1, None);
        }
    }
}
