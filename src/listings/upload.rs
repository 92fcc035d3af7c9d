//! The upload form's island: a progress bar while the file travels and while the server reads
//! it. Without JavaScript the form posts as it is and the preview page follows.

use leptos::prelude::*;

/// Wraps the upload form. `sending` holds `{percent}` where the share sent goes; `processing`
/// and `failed` are shown after the upload and when it fails.
#[island]
pub fn UploadProgress(
    sending: String,
    processing: String,
    failed: String,
    children: Children,
) -> impl IntoView {
    // None: idle; Some(n): n percent sent; Some(100): the server is reading the file.
    let sent = RwSignal::new(None::<u32>);
    let error = RwSignal::new(false);
    let status = move || match sent.get() {
        None => String::new(),
        Some(100) => processing.clone(),
        Some(n) => sending.replace("{percent}", &n.to_string()),
    };
    view! {
        <div class="upload-progress" on:submit=move |ev| browser::submit(ev, sent, error)>
            {children()}
            <p class="form-banner" role="alert" hidden=move || !error.get()>{failed}</p>
            <div hidden=move || sent.get().is_none()>
                <progress
                    max="100"
                    value=move || sent.get().filter(|n| *n < 100).map(|n| n.to_string())
                ></progress>
                <p aria-live="polite">{status}</p>
            </div>
        </div>
    }
}

mod browser {
    use leptos::prelude::*;

    #[cfg(not(feature = "hydrate"))]
    pub fn submit(_: web_sys_stub::Event, _: RwSignal<Option<u32>>, _: RwSignal<bool>) {}

    #[cfg(not(feature = "hydrate"))]
    mod web_sys_stub {
        pub type Event = leptos::ev::SubmitEvent;
    }

    /// Sends the form with XMLHttpRequest, whose upload reports progress; asks for the preview's
    /// address (`text/uri-list`), then goes there.
    #[cfg(feature = "hydrate")]
    pub fn submit(ev: leptos::ev::SubmitEvent, sent: RwSignal<Option<u32>>, error: RwSignal<bool>) {
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
                .set_request_header("Accept", "text/uri-list")
                .is_err()
        {
            return;
        }
        ev.prevent_default();
        error.set(false);
        sent.set(Some(0));
        let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |p: ProgressEvent| {
            if p.length_computable() && p.total() > 0.0 {
                // 99 at most until the upload ends: 100 means the server is reading.
                sent.set(Some(((p.loaded() / p.total()) * 99.0) as u32));
            }
        });
        let uploaded = Closure::<dyn FnMut()>::new(move || sent.set(Some(100)));
        let done = {
            let request = request.clone();
            Closure::<dyn FnMut()>::new(move || {
                // The answer is the preview's path (`text/uri-list`), if one of ours.
                let next = request
                    .response_text()
                    .ok()
                    .flatten()
                    .filter(|path| path.starts_with('/') && !path.starts_with("//"))
                    .filter(|_| request.status().is_ok_and(|s| s == 200));
                match (next, web_sys::window()) {
                    (Some(next), Some(window)) => {
                        let _ = window.location().assign(&next);
                    }
                    _ => {
                        sent.set(None);
                        error.set(true);
                    }
                }
            })
        };
        let failed = Closure::<dyn FnMut()>::new(move || {
            sent.set(None);
            error.set(true);
        });
        if let Ok(upload) = request.upload() {
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
            upload.set_onload(Some(uploaded.as_ref().unchecked_ref()));
        }
        request.set_onload(Some(done.as_ref().unchecked_ref()));
        request.set_onerror(Some(failed.as_ref().unchecked_ref()));
        // The handlers live as long as the page: one upload per page load.
        progress.forget();
        uploaded.forget();
        done.forget();
        failed.forget();
        if request.send_with_opt_form_data(Some(&data)).is_err() {
            sent.set(None);
            error.set(true);
        }
    }
}
