namespace SalesAssistant.Accounts;

/// <summary>The texts of sign-in, access denied, staff account messages. Resources: AccountText.resx (English, the neutral language) and AccountText.{it,pl,nl}.resx.</summary>
public sealed class AccountText;
