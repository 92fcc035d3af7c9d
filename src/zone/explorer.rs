//! The directory's one island: it makes the server-rendered directory inside it update in place,
//! fetching the next server-rendered view of the same URL and keeping the address bar and the
//! language links in step.
//!
//! The island takes no props: what it shows besides the results (the message for a failed
//! update, the count read out after one) is rendered inside it on the server, and it changes
//! those elements directly. Props travel as JSON, and their reader was a quarter of the browser
//! bundle.

use leptos::prelude::*;

/// The directory view `children` inside the explorer. `error` is the localized message shown
/// when the next view cannot be fetched; the current one stays as it was.
#[component]
pub fn ZoneExplorer(error: String, children: Children) -> impl IntoView {
    view! {
        <ExplorerIsland>
            <p class="error zone-update-failed" role="alert" hidden=true>{error}</p>
            <p class="visually-hidden zone-announced" aria-live="polite"></p>
            <div class="zone-results" aria-busy="false">{children()}</div>
        </ExplorerIsland>
    }
}

/// Makes the server-rendered directory inside it update in place.
// An island in the default build; a plain component when measuring full hydration (README).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn ExplorerIsland(children: Children) -> impl IntoView {
    let explorer = browser::Explorer::default();
    // Effects run only in the browser: the attribute tells tests the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    browser::on_history_change(explorer);
    view! {
        <div
            class="zone-explorer"
            node_ref=explorer.root
            data-hydrated=move || hydrated.get().to_string()
            on:change=move |ev| browser::filter_changed(ev, explorer)
            on:submit=move |ev| browser::search_submitted(ev, explorer)
            on:click=move |ev| browser::link_clicked(ev, explorer)
        >
            {children()}
        </div>
    }
}

/// What the explorer does in the browser: read the form, fetch the view, swap it in.
mod browser {
    use leptos::prelude::*;

    /// The explorer's element, and the number of its latest request: only that one's answer
    /// is shown.
    #[derive(Clone, Copy, Default)]
    pub struct Explorer {
        pub root: NodeRef<leptos::html::Div>,
        #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
        latest: StoredValue<u64>,
    }

    #[cfg(feature = "hydrate")]
    mod dom {
        use super::Explorer;
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

        pub fn filter_changed(ev: web_sys::Event, explorer: Explorer) {
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
                load(url, true, name, explorer);
            }
        }

        pub fn search_submitted(ev: web_sys::SubmitEvent, explorer: Explorer) {
            let Some(form) =
                target_element(&ev).and_then(|el| el.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            ev.prevent_default();
            if let Some(url) = form_url(&form, None) {
                load(url, true, Some("q".into()), explorer);
            }
        }

        pub fn link_clicked(ev: web_sys::MouseEvent, explorer: Explorer) {
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
            load(href, true, None, explorer);
        }

        pub fn on_history_change(explorer: Explorer) {
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                let location = window().location();
                let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
                    return;
                };
                load(format!("{path}{search}"), false, None, explorer);
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

        /// The elements the explorer changes, as the server rendered them inside it. They are
        /// looked up, not referenced: an island's children are not hydrated, so a `NodeRef`
        /// among them would stay empty.
        struct Shown {
            results: Element,
            error: web_sys::HtmlElement,
            announced: Element,
        }

        impl Shown {
            fn within(explorer: Explorer) -> Option<Shown> {
                let root = explorer.root.get_untracked()?;
                let find = |selector: &str| root.query_selector(selector).ok().flatten();
                Some(Shown {
                    results: find(".zone-results")?,
                    error: find(".zone-update-failed")?.dyn_into().ok()?,
                    announced: find(".zone-announced")?,
                })
            }

            fn busy(&self, busy: bool) {
                let _ = self
                    .results
                    .set_attribute("aria-busy", if busy { "true" } else { "false" });
            }

            fn failed(&self, failed: bool) {
                self.error.set_hidden(!failed);
            }
        }

        /// Fetches the server-rendered view at `url` and swaps it in; only the latest request
        /// counts. `focus` names the control to focus again once the new form is in place.
        fn load(url: String, record: bool, focus: Option<String>, explorer: Explorer) {
            let Some(shown) = Shown::within(explorer) else {
                // The event's own action was cancelled: the browser goes there instead.
                let _ = window().location().set_href(&url);
                return;
            };
            explorer.latest.update_value(|n| *n += 1);
            let ticket = explorer.latest.get_value();
            shown.busy(true);
            leptos::task::spawn_local(async move {
                let fetched = fetch_results(&url).await;
                if explorer.latest.get_value() != ticket {
                    return;
                }
                shown.busy(false);
                let Some((html, count)) = fetched else {
                    shown.failed(true);
                    return;
                };
                shown.results.set_inner_html(&html);
                shown.failed(false);
                shown.announced.set_text_content(Some(&count));
                if record && let Ok(history) = window().history() {
                    let _ =
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
                follow_address_in_language_links();
                let selector = focus.map(|name| format!("[name=\"{name}\"]"));
                let control =
                    selector.and_then(|s| shown.results.query_selector(&s).ok().flatten());
                if let Some(control) = control {
                    let _ = control.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    }

    #[cfg(feature = "hydrate")]
    pub use dom::{filter_changed, link_clicked, on_history_change, search_submitted};

    // The server renders the explorer but never runs its handlers.
    #[cfg(not(feature = "hydrate"))]
    pub fn filter_changed(_: leptos::ev::Event, _: Explorer) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn search_submitted(_: leptos::ev::SubmitEvent, _: Explorer) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn link_clicked(_: leptos::ev::MouseEvent, _: Explorer) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn on_history_change(_: Explorer) {}
}
