// Command image builds the wijkflow worker's container image without Docker, the way ko
// does: the binary of deploy/build.sh (the one the Dockerfile builds) and the shipped
// definitions, as layers on an empty base with what distroless/static would give the
// binary (CA certificates, a nonroot user 65532, a writable /tmp). The image is
// reproducible: every file and the config carry the commit's time (or
// SOURCE_DATE_EPOCH), so two builds of one commit have one digest.
//
//	go run ./deploy/image --tar wijkflow.tar [--tag wijkflow:1.0]   # docker load -i wijkflow.tar
//	go run ./deploy/image --oci DIR                                 # an OCI image layout
//	go run ./deploy/image --push registry.example.nl/wijkflow:1.0   # with docker's credentials
//	go run ./deploy/image --arch amd64,arm64 --push REF             # an index of both platforms
//
// Progress goes to stderr; stdout gets the image's digest (after --push, REF@digest).
// It lives beside the worker rather than in it: the worker binary does not link the
// registry client (TestWorkerDoesNotLinkTheImageBuilder).
package main
