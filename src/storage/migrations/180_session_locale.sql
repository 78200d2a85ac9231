-- The language one browser session shows (issue 14, item 12): a duty account shared by several
-- desks keeps its default language on the user row; each session may choose its own without
-- flipping the others. NULL = follow the account's default.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS locale text;
