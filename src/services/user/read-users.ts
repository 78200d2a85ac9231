// Reading the node's user accounts for administration (the users page, `crossline users list`) and
// for start-up checks (is there an administrator yet?).
import { AppError } from '../../errors.js';
import {
  countUsers,
  findUserById,
  findUserByUsername,
  listUsers,
  type UserRow,
} from '../../storage/repositories/user.repository.js';
import { countPasskeysByUser } from '../../storage/repositories/passkey.repository.js';
import type { ServiceContext } from '../context.js';

export async function listAllUsers(ctx: ServiceContext): Promise<UserRow[]> {
  return listUsers(ctx.db);
}

/** Every account with how many passkeys it has: an admin deciding on a lost-device reset sees both factors. */
export async function listUsersForAdmin(ctx: ServiceContext): Promise<{ user: UserRow; passkeys: number }[]> {
  const [users, counts] = await Promise.all([listUsers(ctx.db), countPasskeysByUser(ctx.db)]);
  return users.map((user) => ({ user, passkeys: counts.get(user.id) ?? 0 }));
}

/** One user, or 404 USER_NOT_FOUND. */
export async function getUser(ctx: ServiceContext, id: string): Promise<UserRow> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

export async function findUserNamed(ctx: ServiceContext, username: string): Promise<UserRow | null> {
  return findUserByUsername(ctx.db, username);
}

/** How many accounts exist: 0 on a node nobody has set up yet. */
export async function userCount(ctx: ServiceContext): Promise<number> {
  return countUsers(ctx.db);
}
