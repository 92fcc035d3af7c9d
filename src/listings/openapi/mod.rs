//! The listings API described for programs and for people: `GET /api/openapi.json`, an OpenAPI
//! 3.1 document that utoipa generates from the handlers and types of `rest.rs`, and
//! `GET /api/docs`, the same document as a page rendered here, without a script.
//!
//! The page is in English only, unlike the rest of the site: it is a reference for the
//! developers of the exchanges' systems, API references conventionally are in English, and
//! every text on it is the document's, written as the code's doc comments.

mod html;
mod page;

use super::rest::{self, ApiError, ImportFile, ImportRejection, ImportReport, Listing};
use super::snapshot::{Intent, Snapshot, Texts, Year};
use super::{Counts, RowProblem};
use crate::web::assets::stylesheet_href;
use crate::web::state::AppState;
use axum::extract::State;
use axum::response::{Html, IntoResponse};
use http::header;
use std::sync::{LazyLock, OnceLock};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Ref, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Components, Response};
use utoipa::{Modify, OpenApi};

/// The listings API: its operations, the types they exchange and how a caller authenticates.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "V-Next Zone listings API",
        version = env!("CARGO_PKG_VERSION"),
        description = "Partner exchanges keep their listings on V-Next Zone current from their own systems: send the file your system publishes, get a JSON report back.\n\nEvery request carries an API token created on the partner workspace: `Authorization: Bearer <token>`."
    ),
    paths(rest::import, rest::list),
    components(schemas(
        ImportReport,
        ApiError,
        Listing,
        Counts,
        RowProblem,
        Snapshot,
        Texts,
        Intent,
        Year,
        ImportFile,
        ImportRejection
    )),
    modifiers(&BearerScheme, &SharedAnswers),
    tags((name = "listings", description = "An exchange's listed companies"))
)]
pub struct ApiDoc;

/// Adds the `bearer` scheme the operations' `security(("bearer" = []))` name.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Components::new);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token of the partner's exchange, created on the partner \
                         workspace and shown once: `Authorization: Bearer <token>`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Adds the answers every operation shares, unless it says them its own way: 401 without a
/// valid token, 429 over a rate limit, 500 for a storage failure.
struct SharedAnswers;

impl Modify for SharedAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let error = |description: &str| {
            let body = ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ApiError")))
                .build();
            ResponseBuilder::new()
                .description(description)
                .content("application/json", body)
        };
        let challenge = HeaderBuilder::new()
            .schema(ObjectBuilder::new().schema_type(Type::String))
            .description(Some("`Bearer`"))
            .build();
        let shared: [(&str, Response); 3] = [
            (
                "401",
                error("No bearer token, or one that is unknown or revoked (code `unauthorized`).")
                    .header("WWW-Authenticate", challenge)
                    .build(),
            ),
            (
                "429",
                error("Too many requests with this token (code `rate-limited`); try again later.")
                    .build(),
            ),
            (
                "500",
                error("A storage failure (code `storage`); nothing was changed.").build(),
            ),
        ];
        for item in openapi.paths.paths.values_mut() {
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                for (status, response) in &shared {
                    operation
                        .responses
                        .responses
                        .entry((*status).to_owned())
                        .or_insert_with(|| response.clone().into());
                }
            }
        }
    }
}

static JSON: LazyLock<String> = LazyLock::new(|| {
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes")
});

static PAGE: OnceLock<String> = OnceLock::new();

/// `GET /api/openapi.json`
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], JSON.as_str())
}

/// `GET /api/docs`
pub async fn docs(State(app): State<AppState>) -> impl IntoResponse {
    let stylesheet = stylesheet_href(app.pages.options());
    Html(
        PAGE.get_or_init(|| page::page(&ApiDoc::openapi(), &stylesheet))
            .as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_describes_both_operations_and_the_bearer_scheme() {
        let doc = ApiDoc::openapi();
        let json = serde_json::to_value(&doc).unwrap();
        assert!(json["openapi"].as_str().unwrap().starts_with("3.1"));
        assert_eq!(json["info"]["title"], "V-Next Zone listings API");

        let paths = &doc.paths.paths;
        let list = paths["/api/v1/listings"]
            .get
            .as_ref()
            .expect("the list is a GET");
        assert!(list.responses.responses.contains_key("401"));
        assert_eq!(
            json["paths"]["/api/v1/listings"]["get"]["responses"]["401"]["headers"]["WWW-Authenticate"]
                ["description"],
            "`Bearer`"
        );
        let import = paths["/api/v1/listings/import"]
            .post
            .as_ref()
            .expect("the import is a POST");
        for status in ["200", "401", "403", "413", "415", "422", "429", "500"] {
            assert!(
                import.responses.responses.contains_key(status),
                "the import documents no {status}"
            );
        }
        let parameters: Vec<&str> = import
            .parameters
            .iter()
            .flatten()
            .map(|p| p.name.as_str())
            .collect();
        for name in ["dry_run", "full_list", "encoding", "file_name", "lang"] {
            assert!(parameters.contains(&name), "no parameter {name}");
        }
        let body = import.request_body.as_ref().expect("a request body");
        assert!(body.content.contains_key("text/csv"));
        assert_eq!(
            json["components"]["schemas"]["ImportFile"]["format"],
            "binary"
        );
        assert_eq!(
            json["paths"]["/api/v1/listings/import"]["post"]["security"][0]["bearer"],
            serde_json::json!([])
        );

        let components = doc.components.as_ref().expect("components");
        assert!(components.security_schemes.contains_key("bearer"));
        assert_eq!(
            json["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
        for schema in [
            "ImportReport",
            "ApiError",
            "Listing",
            "Counts",
            "RowProblem",
            "Snapshot",
            "Texts",
            "Intent",
            "Year",
        ] {
            assert!(
                components.schemas.contains_key(schema),
                "no schema {schema}"
            );
        }
    }

    #[tokio::test]
    async fn the_json_is_served_as_json() {
        let response = openapi().await.into_response();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(value["paths"]["/api/v1/listings/import"]["post"].is_object());
    }
}
