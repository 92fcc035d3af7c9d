//! The directory's one island: it makes the server-rendered directory inside it update in place,
//! fetching the next server-rendered view of the same URL and keeping the address bar and the
//! language links in step.

use leptos::prelude::*;

/// Makes the server-rendered directory inside it update in place. `error` is the localized
/// message shown when the next view cannot be fetched; the current one stays as it was.
// An island in the default build; a plain component when measuring full hydration (README).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ZoneExplorer(error: String, children: Children) -> impl IntoView {
    let results = NodeRef::<leptos::html::Div>::new();
    let state = browser::Fetching::default();
    // Effects run only in the browser: the attribute tells tests and styles the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    browser::on_history_change(results, state);
    view! {
        <div
            class="zone-explorer"
            data-hydrated=move || hydrated.get().to_string()
            on:change=move |ev| browser::filter_changed(ev, results, state)
            on:submit=move |ev| browser::search_submitted(ev, results, state)
            on:click=move |ev| browser::link_clicked(ev, results, state)
        >
            <p class="error" role="alert" hidden=move || !state.failed.get()>{error}</p>
            <p class="visually-hidden" aria-live="polite">{move || state.announced.get()}</p>
            <div class="zone-results" node_ref=results aria-busy=move || state.busy.get().to_string()>
                {children()}
            </div>
        </div>
    }
}

/// What the explorer does in the browser: read the form, fetch the view, swap it in.
mod browser {
    use leptos::prelude::*;

    /// The explorer's request state, shared by its event handlers.
    #[derive(Clone, Copy, Default)]
    pub struct Fetching {
        pub busy: RwSignal<bool>,
        pub failed: RwSignal<bool>,
        /// The new result count, read out by screen readers after each update.
        pub announced: RwSignal<String>,
        #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
        generation: StoredValue<u64>,
    }

    type Results = NodeRef<leptos::html::Div>;

    #[cfg(feature = "hydrate")]
    mod dom {
        use super::{Fetching, Results};
        use crate::i18n::{Lang, switch_path};
        use crate::zone::DirectoryQuery;
        use leptos::prelude::*;
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        use web_sys::{
            DomParser, Element, HtmlFormElement, HtmlInputElement, SupportedType, UrlSearchParams,
        };

        fn target_element(ev: &web_sys::Event) -> Option<Element> {
            ev.target()?.dyn_into::<Element>().ok()
        }

        /// The directory URL for the form's current values, without the empty ones. Changing
        /// the exchange clears the market, whose choices depend on it. The form has no page
        /// field, so any change starts again at page 1. The server normalises the values.
        fn form_url(form: &HtmlFormElement, changed: Option<&str>) -> Option<String> {
            let data = web_sys::FormData::new_with_form(form).ok()?;
            let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
            for name in DirectoryQuery::FIELDS {
                if params.get(name).is_some_and(|v| v.trim().is_empty())
                    || (name == "market" && changed == Some("exchange"))
                {
                    params.delete(name);
                }
            }
            let query = String::from(params.to_string());
            let action = form.action();
            Some(if query.is_empty() {
                action
            } else {
                format!("{action}?{query}")
            })
        }

        pub fn filter_changed(ev: web_sys::Event, results: Results, state: Fetching) {
            let Some(el) = target_element(&ev) else {
                return;
            };
            // Typing in the search box is applied on submit, not on every change of focus.
            if el
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(|i| i.type_() == "search")
            {
                return;
            }
            let Some(form) = el.closest("form.filters").ok().flatten() else {
                return;
            };
            let form: HtmlFormElement = form.unchecked_into();
            let name = el.get_attribute("name");
            if let Some(url) = form_url(&form, name.as_deref()) {
                load(url, true, name, results, state);
            }
        }

        pub fn search_submitted(ev: web_sys::SubmitEvent, results: Results, state: Fetching) {
            let Some(form) =
                target_element(&ev).and_then(|el| el.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            ev.prevent_default();
            if let Some(url) = form_url(&form, None) {
                load(url, true, Some("q".into()), results, state);
            }
        }

        pub fn link_clicked(ev: web_sys::MouseEvent, results: Results, state: Fetching) {
            // Let the browser handle new tabs and windows.
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            let link =
                target_element(&ev).and_then(|el| el.closest("a[data-zone-nav]").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            ev.prevent_default();
            load(href, true, None, results, state);
        }

        pub fn on_history_change(results: Results, state: Fetching) {
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                let location = window().location();
                let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
                    return;
                };
                load(format!("{path}{search}"), false, None, results, state);
            });
            on_cleanup(move || handle.remove());
        }

        async fn fetch_results(url: &str) -> Option<(String, String)> {
            let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
            if !response.ok() {
                return None;
            }
            let html = JsFuture::from(response.text().ok()?)
                .await
                .ok()?
                .as_string()?;
            let page = DomParser::new()
                .ok()?
                .parse_from_string(&html, SupportedType::TextHtml)
                .ok()?;
            let fresh = page.query_selector(".zone-results").ok()??;
            let count = page
                .query_selector(".result-count")
                .ok()?
                .and_then(|c| c.text_content());
            Some((fresh.inner_html(), count.unwrap_or_default()))
        }

        /// The language switcher was rendered for the address the page was loaded with; point
        /// its links at the current address, so switching language keeps the filters.
        fn follow_address_in_language_links() {
            let location = window().location();
            let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
                return;
            };
            let Ok(links) = document().query_selector_all(".lang-switcher a[hreflang]") else {
                return;
            };
            for i in 0..links.length() {
                let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let lang = link
                    .get_attribute("hreflang")
                    .as_deref()
                    .and_then(Lang::from_code);
                if let Some(lang) = lang {
                    let _ = link
                        .set_attribute("href", &format!("{}{search}", switch_path(&path, lang)));
                }
            }
        }

        /// Fetches the server-rendered view at `url` and swaps it in; only the latest request
        /// counts. `focus` names the control to focus again once the new form is in place.
        fn load(
            url: String,
            record: bool,
            focus: Option<String>,
            results: Results,
            state: Fetching,
        ) {
            state.generation.update_value(|g| *g += 1);
            let ticket = state.generation.get_value();
            state.busy.set(true);
            leptos::task::spawn_local(async move {
                let fetched = fetch_results(&url).await;
                if state.generation.get_value() != ticket {
                    return;
                }
                state.busy.set(false);
                let (Some((html, count)), Some(container)) = (fetched, results.get_untracked())
                else {
                    state.failed.set(true);
                    return;
                };
                container.set_inner_html(&html);
                state.failed.set(false);
                state.announced.set(count);
                if record && let Ok(history) = window().history() {
                    let _ =
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
                follow_address_in_language_links();
                let selector = focus.map(|name| format!("[name=\"{name}\"]"));
                if let Some(el) = selector.and_then(|s| container.query_selector(&s).ok().flatten())
                {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    }

    #[cfg(feature = "hydrate")]
    pub use dom::{filter_changed, link_clicked, on_history_change, search_submitted};

    // The server renders the explorer but never runs its handlers.
    #[cfg(not(feature = "hydrate"))]
    pub fn filter_changed(_: leptos::ev::Event, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn search_submitted(_: leptos::ev::SubmitEvent, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn link_clicked(_: leptos::ev::MouseEvent, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn on_history_change(_: Results, _: Fetching) {}
}
