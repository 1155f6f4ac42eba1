// Package deploy_test checks the deploy files a platform team starts from: the
// Kubernetes manifests decode strictly into the Kubernetes API types, the compose file
// names the images of the Temporal version in go.mod, the reference dynamic config loads
// with the Temporal server's own loader, and the image's build script builds
// (deploy/image builds the image itself, and its tests check it). Docker and
// a Kubernetes cluster are not needed (and are not here): what can be checked without
// them is.
package deploy_test
