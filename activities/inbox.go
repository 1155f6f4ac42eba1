package activities

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Inbox is the local provider inbox of `wijkflow dev`: a hand-off to a provider that has
// no webhook configured is received here, so every process runs end to end on a laptop.
// It keeps what a provider would get (ids only, never case data), answers with a
// reference, and registers one referral per idempotency key, as a real provider must.
// It lives in memory: a restart empties it (a hand-off already confirmed stays so).
type Inbox struct {
	mu    sync.Mutex
	items []InboxItem
	byKey map[string]int
}

// InboxItem is one hand-off the inbox received.
type InboxItem struct {
	HandoffInput
	Reference string    `json:"reference"`
	Received  time.Time `json:"received"`
}

// NewInbox returns an empty inbox.
func NewInbox() *Inbox { return &Inbox{byKey: map[string]int{}} }

// Deliver registers a hand-off, once per idempotency key, and returns its reference.
func (b *Inbox) Deliver(in HandoffInput, now time.Time) HandoffResult {
	b.mu.Lock()
	defer b.mu.Unlock()
	if i, ok := b.byKey[in.IdempotencyKey]; ok {
		return HandoffResult{Reference: b.items[i].Reference}
	}
	ref := fmt.Sprintf("inbox-%d", len(b.items)+1)
	b.byKey[in.IdempotencyKey] = len(b.items)
	b.items = append(b.items, InboxItem{HandoffInput: in, Reference: ref, Received: now})
	return HandoffResult{Reference: ref}
}

// Items returns the hand-offs received for a gemeente, oldest first.
func (b *Inbox) Items(gemeente string) []InboxItem {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := []InboxItem{}
	for _, it := range b.items {
		if it.Gemeente == gemeente {
			out = append(out, it)
		}
	}
	return slices.Clip(out)
}
