# The baseline of hack/bench-build.sh: how cargo-chef users build a workspace. One layer compiles
# every dependency from a skeleton of the workspace (manifests, lockfile and vendored crates, member
# sources emptied: hack/chef-skeleton.sh), so it is cached until a manifest or the lockfile changes;
# the next layer copies the real sources and runs cargo again, which compiles only the members.
# The context is the workspace with its crates in vendor/ and a .cargo/config.toml naming that
# folder as the crates-io replacement (hack/bench-build.sh stages it).
ARG BASE=cargo-recipe/rust-base:bookworm

FROM ${BASE} AS planner
COPY . /workspace
RUN sh /workspace/chef-skeleton.sh /workspace /skeleton

FROM ${BASE} AS dependencies
WORKDIR /workspace
COPY --from=planner /skeleton /workspace
RUN cargo build --release --offline --locked

FROM dependencies AS build
COPY . /workspace
# The skeleton's empty sources are newer than the real ones' copied times: make cargo see the change.
RUN find . -path ./vendor -prune -o -path ./target -prune -o -name '*.rs' -exec touch {} + \
 && cargo build --release --offline --locked
