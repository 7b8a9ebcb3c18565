-- The name the identity provider gives a user (OpenID Connect's name claim), remembered when they use the pages, so
-- that the pages, the trail and the PDF name the people whose id is an opaque subject (a provider's sub is often a
-- number or a UUID). Read-side only: replaced when the provider's name changes, never written into an event; the
-- events keep the id. NULL for a user whose login gives no name (the demo users): they are shown by their id.
ALTER TABLE query.user_contact ADD COLUMN name VARCHAR(200);
