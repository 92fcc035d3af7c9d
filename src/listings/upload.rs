//! The upload form's island: a progress bar while the file travels, and another while the
//! server reads and checks it. Without JavaScript the form posts as it is and the preview page
//! follows.
//!
//! The island takes no props (props travel as JSON, and their reader was a quarter of the
//! browser bundle): the texts it shows are rendered inside it on the server, and it fills them
//! in.

use leptos::prelude::*;

/// Where an upload is: its file on the way, then the server reading it.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // Only the browser sends.
enum Stage {
    /// Percent of the file sent.
    Sending(u32),
    /// Rows checked of the rows in the file; (0, 0) while the server reads it.
    Checking(u64, u64),
}

/// Wraps the upload form `children`. `sending` holds `{percent}` where the share sent goes;
/// `processing` is shown while the server reads the file, `checking` (with `{done}` and
/// `{total}`) while it checks its rows, and `failed` when the upload fails.
#[component]
pub fn UploadProgress(
    sending: String,
    processing: String,
    checking: String,
    failed: String,
    children: Children,
) -> impl IntoView {
    view! {
        <UploadIsland>
            {children()}
            <p class="form-banner upload-failed" role="alert" hidden=true>{failed}</p>
            <progress
                class="upload-bar"
                max="100"
                hidden=true
                data-sending=sending
                data-processing=processing
                data-checking=checking
            ></progress>
            // Outside anything hidden, so that screen readers hear its first line too.
            <p class="upload-line" aria-live="polite"></p>
        </UploadIsland>
    }
}

#[island]
fn UploadIsland(children: Children) -> impl IntoView {
    // Effects run only in the browser: the attribute tells tests the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <div
            class="upload-progress"
            data-hydrated=move || hydrated.get().to_string()
            on:submit=browser::submit
        >
            {children()}
        </div>
    }
}

mod browser {
    use super::Stage;

    #[cfg(not(feature = "hydrate"))]
    pub fn submit(_: leptos::ev::SubmitEvent) {}

    /// The texts of the status line, with their places to fill in.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub(super) struct Texts {
        pub sending: String,
        pub processing: String,
        pub checking: String,
    }

    /// The bar's value for `stage` (none while the server reads the file: a bar that shows
    /// no share), and its status line.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub(super) fn describe(stage: Stage, texts: &Texts) -> (Option<u64>, String) {
        match stage {
            Stage::Sending(n) => (
                Some(n.into()),
                texts.sending.replace("{percent}", &n.to_string()),
            ),
            Stage::Checking(_, 0) => (None, texts.processing.clone()),
            Stage::Checking(done, total) => (
                Some((done * 100 / total).min(100)),
                texts
                    .checking
                    .replace("{done}", &done.to_string())
                    .replace("{total}", &total.to_string()),
            ),
        }
    }

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

    /// The elements the island changes, as the server rendered them inside it.
    #[cfg(feature = "hydrate")]
    #[derive(Clone)]
    struct Shown {
        banner: web_sys::HtmlElement,
        bar: web_sys::HtmlElement,
        line: web_sys::Element,
    }

    #[cfg(feature = "hydrate")]
    impl Shown {
        fn around(form: &web_sys::Element) -> Option<(Shown, Texts)> {
            use wasm_bindgen::JsCast;
            let island = form.closest(".upload-progress").ok()??;
            let find = |selector: &str| island.query_selector(selector).ok().flatten();
            let bar: web_sys::HtmlElement = find(".upload-bar")?.dyn_into().ok()?;
            let text = |name: &str| bar.get_attribute(name).unwrap_or_default();
            let texts = Texts {
                sending: text("data-sending"),
                processing: text("data-processing"),
                checking: text("data-checking"),
            };
            let shown = Shown {
                banner: find(".upload-failed")?.dyn_into().ok()?,
                line: find(".upload-line")?,
                bar,
            };
            Some((shown, texts))
        }

        fn show(&self, stage: Stage, texts: &Texts) {
            let (value, line) = describe(stage, texts);
            let _ = match value {
                Some(value) => self.bar.set_attribute("value", &value.to_string()),
                None => self.bar.remove_attribute("value"),
            };
            self.line.set_text_content(Some(&line));
            self.bar.set_hidden(false);
            self.banner.set_hidden(true);
        }

        fn failed(&self) {
            self.bar.set_hidden(true);
            self.line.set_text_content(None);
            self.banner.set_hidden(false);
        }
    }

    /// Sends the form with XMLHttpRequest, whose upload reports progress; reads the server's
    /// lines about its reading of the file as they come, then goes to the preview.
    #[cfg(feature = "hydrate")]
    pub fn submit(ev: leptos::ev::SubmitEvent) {
        use std::rc::Rc;
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let (Some((shown, texts)), Ok(data), Ok(request)) = (
            Shown::around(&form),
            FormData::new_with_form(&form),
            XmlHttpRequest::new(),
        ) else {
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
        let texts = Rc::new(texts);
        shown.show(Stage::Sending(0), &texts);
        let sending = {
            let (shown, texts) = (shown.clone(), texts.clone());
            Closure::<dyn FnMut(ProgressEvent)>::new(move |p: ProgressEvent| {
                if p.length_computable() && p.total() > 0.0 {
                    let percent = ((p.loaded() / p.total()) * 100.0) as u32;
                    shown.show(Stage::Sending(percent), &texts);
                }
            })
        };
        let sent = {
            let (shown, texts) = (shown.clone(), texts.clone());
            Closure::<dyn FnMut()>::new(move || shown.show(Stage::Checking(0, 0), &texts))
        };
        let answering = {
            let (shown, request) = (shown.clone(), request.clone());
            Closure::<dyn FnMut()>::new(move || {
                let text = request.response_text().ok().flatten().unwrap_or_default();
                if let (Some(now), _) = read_answer(&text) {
                    shown.show(now, &texts);
                }
            })
        };
        let done = {
            let (shown, request) = (shown.clone(), request.clone());
            Closure::<dyn FnMut()>::new(move || {
                let text = request.response_text().ok().flatten().unwrap_or_default();
                let ok = request.status().is_ok_and(|s| s == 200);
                match (read_answer(&text).1.filter(|_| ok), web_sys::window()) {
                    (Some(next), Some(window)) => {
                        let _ = window.location().assign(next);
                    }
                    _ => shown.failed(),
                }
            })
        };
        let failed = {
            let shown = shown.clone();
            Closure::<dyn FnMut()>::new(move || shown.failed())
        };
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
            shown.failed();
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

        #[test]
        fn the_status_line_fills_in_its_figures() {
            let texts = Texts {
                sending: "Uploading… {percent}%".into(),
                processing: "Reading".into(),
                checking: "Checked {done} of {total}".into(),
            };
            let line = |stage| describe(stage, &texts);
            assert_eq!(
                line(Stage::Sending(40)),
                (Some(40), "Uploading… 40%".into())
            );
            assert_eq!(line(Stage::Checking(0, 0)), (None, "Reading".into()));
            assert_eq!(
                line(Stage::Checking(150, 200)),
                (Some(75), "Checked 150 of 200".into())
            );
            // More rows checked than counted at first: the bar stops at full.
            assert_eq!(line(Stage::Checking(300, 200)).0, Some(100));
        }
    }
}
