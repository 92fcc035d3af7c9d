//! Readiness's pages under `/:lang`, mounted by the app with one line.

use super::assessment_page::AssessmentPage;
use super::overview_page::ReadinessPage;
use super::questionnaire_page::QuestionnairePage;
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

#[component(transparent)]
pub fn ReadinessRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("readiness") view=ReadinessPage ssr=SsrMode::Async />
            <Route path=path!("readiness/new") view=QuestionnairePage ssr=SsrMode::Async />
            <Route path=path!("readiness/:id") view=AssessmentPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
