use clap::{Parser, Subcommand};
use std::process::ExitCode;
use vnext::accounts::Role;
use vnext::accounts::server::{self as accounts, Decision};
use vnext::config::Config;
use vnext::i18n::Lang;
use vnext::platform::audit::Actor;
use vnext::web::error::Problem;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The V-Next Zone server and its administration.
#[derive(Parser)]
#[command(
    name = "vnext",
    after_help = "Configuration comes from the environment; see README.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, load demo data into an empty database, and serve (the default)
    Serve,
    /// Migrate and load demo data, then exit
    Migrate,
    /// Migrate, then add generated companies to an empty database (for benchmarks; the first
    /// 64 are the demo companies) with the demo demands, then exit
    Seed {
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        companies: u64,
    },
    /// Benchmark: import generated companies into DATABASE_URL through the real path, and write
    /// them one statement per row into a second database; prints JSON (`cargo make bench`)
    #[command(hide = true)]
    BenchImport {
        #[arg(long, default_value_t = 10_000)]
        companies: usize,
        #[arg(long, default_value_t = 3)]
        years: usize,
        /// An empty database for the naive baseline
        #[arg(long)]
        naive_database_url: String,
    },
    /// Account administration; a password is the first line of standard input
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand)]
enum Admin {
    /// Create an operator account
    CreateOperator {
        #[arg(long)]
        email: String,
        /// Read the password from standard input (required: never on the command line)
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Create a partner account bound to one exchange
    CreatePartner {
        /// The exchange's MIC, such as XKLS
        #[arg(long)]
        exchange: String,
        #[arg(long)]
        email: String,
        /// Read the password from standard input (required: never on the command line)
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Verify a registered enterprise
    VerifyEnterprise {
        #[arg(long)]
        email: String,
    },
    /// Create an API token for a partner's own systems; printed once, stored only as a digest
    CreateToken {
        #[arg(long)]
        partner_email: String,
        /// What the token is for, as the partner's token list shows it
        #[arg(long, default_value = "API")]
        name: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let command = Cli::parse().command.unwrap_or(Command::Serve);
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    vnext::listings::read::configure(config.import_limits);
    // Logs to stderr: stdout carries what a command prints for scripts (a new token).
    tracing_subscriber::fmt()
        .with_env_filter(config.log.as_str())
        .with_writer(std::io::stderr)
        .init();
    match run(config, command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config, command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let admin = match command {
        Command::Serve => return serve(config).await,
        Command::Admin(admin) => admin,
        Command::Migrate => {
            let db = vnext::db::connect(&config.database_url).await?;
            return Ok(vnext::demo::prepare(&db, config.demo_data).await?);
        }
        Command::BenchImport {
            companies,
            years,
            naive_database_url,
        } => {
            let db = vnext::db::connect(&config.database_url).await?;
            let naive = vnext::db::connect(&naive_database_url).await?;
            for db in [&db, &naive] {
                vnext::demo::prepare(db, true).await?;
            }
            let report = vnext::listings::bench::run(&db, &naive, companies, years).await?;
            println!("{}", serde_json::to_string(&report)?);
            return Ok(());
        }
        Command::Seed { companies } => {
            let db = vnext::db::connect(&config.database_url).await?;
            vnext::demo::prepare(&db, false).await?;
            vnext::zone::demo::seed_generated(&db, companies as usize).await?;
            // The demo demands, and every company's topics read, for the recommendations.
            vnext::matchmaking::demo::seed(&db).await?;
            vnext::matchmaking::topics::read_topics(&db).await?;
            tracing::info!("seeded {companies} generated companies");
            return Ok(());
        }
    };
    let db = vnext::db::connect(&config.database_url).await?;
    vnext::demo::prepare(&db, config.demo_data).await?;
    let (role, email, exchange) = match admin {
        Admin::VerifyEnterprise { email } => return verify_enterprise(&db, &email).await,
        Admin::CreateToken {
            partner_email,
            name,
        } => return create_token(&db, &partner_email, &name).await,
        Admin::CreateOperator { email, .. } => (Role::Operator, email, None),
        Admin::CreatePartner {
            exchange, email, ..
        } => (Role::Partner, email, Some(exchange)),
    };
    let password = password_from_stdin()?;
    let created = accounts::create_staff(
        &db,
        Lang::DEFAULT,
        role,
        &email,
        &password,
        exchange.as_deref(),
        &Actor::cli(),
    )
    .await
    .map_err(explain)?;
    println!("created {} account {}", role.code(), created.email);
    Ok(())
}

/// The account of `email`, if it has `role`.
async fn account_of(
    db: &sea_orm::DatabaseConnection,
    email: &str,
    role: Role,
) -> Result<vnext::accounts::entity::account::Model, Box<dyn std::error::Error>> {
    let found = accounts::find_by_email(db, email).await?;
    Ok(found
        .filter(|a| a.role == role.code())
        .ok_or_else(|| format!("no {} account {email}", role.code()))?)
}

async fn create_token(
    db: &sea_orm::DatabaseConnection,
    email: &str,
    name: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let partner = account_of(db, email, Role::Partner).await?;
    let token = vnext::listings::tokens::create(db, partner.id, name, &Actor::cli())
        .await?
        .ok_or_else(|| format!("{email} already has the most active tokens allowed"))?;
    // The only time the token is shown: stdout alone, so that a script can capture it.
    println!("{token}");
    Ok(())
}

async fn verify_enterprise(
    db: &sea_orm::DatabaseConnection,
    email: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let found = account_of(db, email, Role::Enterprise).await?;
    accounts::decide(db, Lang::DEFAULT, found.id, Decision::Verify, &Actor::cli())
        .await
        .map_err(explain)?;
    println!("verified {}", found.email);
    Ok(())
}

/// Migrates, loads the demo data, starts the outbox delivery and serves until a signal.
async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    // A configuration that would build links from requests is refused before anything is
    // touched.
    let mut options = leptos::prelude::get_configuration(None)?.leptos_options;
    options.hash_files = vnext::web::assets::hashed();
    if let Some(addr) = config.addr {
        options.site_addr = addr;
    }
    let addr = options.site_addr;
    let settings = config.settings(addr)?;
    let databases = vnext::db::connect_all(&config.database_url).await?;
    let db = databases.db.clone();
    vnext::demo::prepare(&db, config.demo_data).await?;
    if let Some(url) = &config.smtp_url {
        vnext::platform::delivery::start(db.clone(), url, &config.smtp_from)?;
    }
    vnext::matchmaking::demands::start_expiry(db.clone());
    vnext::matchmaking::topics::start_reading_topics(db.clone());
    let app = vnext::serve::app(options, databases, settings);
    let listener = vnext::listener::Capped::new(
        tokio::net::TcpListener::bind(addr).await?,
        config.max_connections,
        vnext::listener::IDLE_TIMEOUT,
    );
    tracing::info!("listening on http://{addr}");
    // The peer address feeds the per-IP rate limits.
    let service = axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
        vnext::listener::Peer,
    >(app);
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// The first line of standard input, exactly as typed (only the line ending is removed).
fn password_from_stdin() -> Result<String, Box<dyn std::error::Error>> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    Ok(password.strip_suffix('\r').unwrap_or(password).to_owned())
}

/// A refusal as one line for the terminal.
fn explain(problem: Problem) -> Box<dyn std::error::Error> {
    match problem {
        Problem::Fields(errors) => errors
            .into_iter()
            .map(|(field, message)| format!("{field}: {message}"))
            .collect::<Vec<_>>()
            .join("; ")
            .into(),
        Problem::Refused(message) => message.into(),
        Problem::Db(err) => err.into(),
        other => other.status().to_string().into(),
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
