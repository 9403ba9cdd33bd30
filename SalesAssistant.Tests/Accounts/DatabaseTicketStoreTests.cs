using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

public abstract class DatabaseTicketStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : DatabaseTicketStoreTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DatabaseTicketStoreTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private DatabaseTicketStore store = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new DatabaseTicketStore(database, new HttpContextAccessor(), TimeProvider.System);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static AuthenticationTicket Ticket(string userId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Identity.Application")),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) }, "Identity.Application");

    [Fact]
    public async Task A_renewed_ticket_without_the_session_claim_keeps_its_session()
    {
        var key = await store.StoreAsync(Ticket(TestUsers.ClerkId));

        // The security stamp's refresh hands over a principal Identity rebuilt, without the claim.
        await store.RenewAsync(key, Ticket(TestUsers.ClerkId));
        var retrieved = (await store.RetrieveAsync(key))!;

        Assert.Equal(key, retrieved.Principal.FindFirstValue(DatabaseTicketStore.SessionClaim));
        await using var db = database.CreateDbContext();
        Assert.True(await DatabaseTicketStore.ExistsAsync(db, retrieved.Principal, CancellationToken.None));
    }

    [Fact]
    public async Task Another_users_ticket_on_a_key_ends_that_session_instead_of_taking_it_over()
    {
        var key = await store.StoreAsync(Ticket(TestUsers.ClerkId));

        await store.RenewAsync(key, Ticket(TestUsers.ManagerId));

        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task A_principal_without_a_session_has_none_and_a_refreshed_one_gets_its_claim_back()
    {
        var key = await store.StoreAsync(Ticket(TestUsers.ClerkId));
        var signedIn = (await store.RetrieveAsync(key))!.Principal;
        var refreshed = Ticket(TestUsers.ClerkId).Principal;
        await using var db = database.CreateDbContext();

        Assert.False(await DatabaseTicketStore.ExistsAsync(db, refreshed, CancellationToken.None));
        DatabaseTicketStore.CopySessionClaim(signedIn, refreshed);
        Assert.True(await DatabaseTicketStore.ExistsAsync(db, refreshed, CancellationToken.None));

        await store.RemoveAsync(key);
        Assert.False(await DatabaseTicketStore.ExistsAsync(db, refreshed, CancellationToken.None));
        Assert.False(await db.UserSessions.AnyAsync());
    }
}
