import bcrypt from "bcryptjs";

// bcrypt cost 12: ~250 ms per hash here, slow enough to blunt guessing, fast enough for a sign-in form.
const cost = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
