# The wijkflow worker image: `wijkflow worker` (task API, web app, codec endpoint, case
# worker) without the embedded Temporal server and Web UI of `wijkflow dev`.
#   docker build -t wijkflow .
# The build stage only runs deploy/build.sh, which deploy/image_test.go also runs.
# Without Docker, `go run ./deploy/image` builds the same image in Go (README, "Deploy").
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN deploy/build.sh /out/wijkflow

# distroless: no shell, no package manager; runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wijkflow /usr/local/bin/wijkflow
# The shipped definitions as a start; mount the gemeente's own over this folder.
COPY --from=build /src/definitions/*.yaml /etc/wijkflow/definitions/
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/wijkflow", "worker"]
CMD ["--api-addr", ":8080", "--definitions", "/etc/wijkflow/definitions", "--watch=false"]
