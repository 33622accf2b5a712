/** What the sign-in page says for each error code next-auth (or the arcadia link) sends back. */
export const signInErrorMessages: Record<string, string> = {
  ArcadiaLink: "That sign-in link is invalid or has expired. Open arcadia-app and follow a fresh link.",
  CredentialsSignin: "Email or password is incorrect.",
  // lib/auth/options.ts throws this code when the account or the address is locked.
  TooManyAttempts:
    "Too many failed sign-ins for this account or from this address. Sign-in is paused for a few minutes; try again later.",
};

export const signInFailedMessage = "Sign-in failed. Try again.";
