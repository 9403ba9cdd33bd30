using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;

namespace SalesAssistant.Features.Insights.DemoHistory;

public enum DemoHistoryOutcome
{
    Generated = 1,
    RefusedRealDataExists = 2,
    AlreadyPresent = 3,
    EmptyCatalog = 4,
}

/// <summary>
/// Generates demo history from the current catalog with a seeded random source: consultations that follow the
/// counter's rules (up-sell to a higher tier in the family, accessories of the final product, sometimes another
/// product taken along), the offers and talking points on screen, one finished A/B test, and till orders.
/// Every row is marked as demo. It never writes into a database that already holds real consultations or sales.
/// </summary>
public static class DemoHistoryGenerator
{
    private static readonly string[] ClerkNames = ["Aoife", "Cian", "Niamh", "Darragh"];

    /// <summary>How readily each demo clerk's customers say no: the dashboard's per-clerk negative rate shows the difference.</summary>
    private static readonly double[] ClerkPushiness = [0.05, 0.08, 0.12, 0.22];

    public static async Task<DemoHistoryOutcome> FillAsync(SalesDb db, DemoHistoryOptions options, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Consultations.AnyAsync(c => c.IsDemo, ct) || await db.SaleOrders.AnyAsync(o => o.IsDemo, ct))
        {
            return DemoHistoryOutcome.AlreadyPresent;
        }
        if (await db.Consultations.AnyAsync(ct) || await db.SaleOrders.AnyAsync(ct))
        {
            return DemoHistoryOutcome.RefusedRealDataExists;
        }
        var catalog = await DemoCatalog.LoadAsync(db, ct);
        if (catalog.Products.Count == 0)
        {
            return DemoHistoryOutcome.EmptyCatalog;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var random = new Random(options.Seed);
        var clerks = await DemoClerksAsync(db, ct);
        var abTest = await DemoAbTestAsync(db, catalog, now, options.Days, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        for (var i = 0; i < options.Consultations; i++)
        {
            var clerk = random.Next(clerks.Count);
            var startedAt = RandomMoment(random, today, options.Days, now);
            db.Consultations.Add(Consult(random, catalog, clerks[clerk], ClerkPushiness[clerk % ClerkPushiness.Length], startedAt, abTest));
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        for (var i = 0; i < options.TillOrders; i++)
        {
            db.SaleOrders.Add(TillOrder(random, catalog, $"DEMO-{i + 1:00000}", RandomMoment(random, today, options.Days, now), now));
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return DemoHistoryOutcome.Generated;
    }

    private static DateTimeOffset RandomMoment(Random random, DateOnly today, int days, DateTimeOffset now)
    {
        var day = today.AddDays(-random.Next(Math.Max(days, 1)));
        var moment = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddMinutes(random.Next(9 * 60));
        return moment < now ? moment : now.AddMinutes(-10 - random.Next(60));
    }

    private static Consultation Consult(Random random, DemoCatalog catalog, string clerkId, double pushiness, DateTimeOffset startedAt, DemoAbTest? abTest)
    {
        var baseline = catalog.PickBaseline(random);
        var at = startedAt;
        var consultation = new Consultation
        {
            Id = SeededGuid(random),
            StartedAt = startedAt,
            ClerkId = clerkId,
            BaselineProductId = baseline.Id,
            BaselinePriceMinor = baseline.PriceMinor,
            IsDemo = true,
        };
        var main = baseline;

        var options = catalog.HigherTiers(baseline);
        if (options.Count == 0)
        {
            consultation.UpsellOutcome = UpsellOutcome.NotOffered;
        }
        else
        {
            var leads = new Dictionary<int, int?>();
            foreach (var option in options)
            {
                var lead = abTest is not null && option.Id == abTest.Test.ProductId && startedAt < abTest.Test.EndedAt
                    ? abTest.NextLead()
                    : (int?)null;
                leads[option.Id] = lead;
                consultation.Offers.Add(Offer(OfferStep.Upsell, option, at, lead, lead is null ? null : abTest));
            }
            var roll = random.NextDouble();
            var first = options[0];
            // The A/B test's point A sells better than B, so the finished test shows a winner.
            var acceptChance = leads[first.Id] is { } lead2 ? (lead2 == abTest!.Test.PointAId ? 0.45 : 0.22) : 0.32;
            if (roll < pushiness)
            {
                consultation.UpsellOutcome = UpsellOutcome.StoppedByNegativeReaction;
                consultation.Reactions.Add(new ReactionRecord { Step = OfferStep.Upsell, Reaction = CustomerReaction.Negative, RecordedAt = at.AddSeconds(40) });
            }
            else if (roll < pushiness + acceptChance)
            {
                main = random.NextDouble() < 0.8 ? first : options[random.Next(options.Count)];
                consultation.UpsellOutcome = UpsellOutcome.Accepted;
                consultation.Reactions.Add(new ReactionRecord { Step = OfferStep.Upsell, Reaction = CustomerReaction.Positive, RecordedAt = at.AddSeconds(30) });
            }
            else
            {
                consultation.UpsellOutcome = UpsellOutcome.KeptOriginal;
            }
        }
        at = at.AddSeconds(60 + random.Next(60));
        consultation.Lines.Add(new BasketLine { ProductId = main.Id, Role = BasketLineRole.Main, UnitPriceMinor = main.PriceMinor, AddedAt = at });

        var accessories = catalog.Accessories(main);
        if (accessories.Count > 0)
        {
            consultation.AccessoriesOffered = true;
            foreach (var accessory in accessories)
            {
                consultation.Offers.Add(Offer(OfferStep.Accessories, accessory, at, null, null, maxPoints: 1));
            }
            if (random.NextDouble() < pushiness * 0.8)
            {
                consultation.AccessoriesStoppedByNegativeReaction = true;
                consultation.Reactions.Add(new ReactionRecord { Step = OfferStep.Accessories, Reaction = CustomerReaction.Negative, RecordedAt = at.AddSeconds(20) });
            }
            else
            {
                for (var rank = 0; rank < accessories.Count; rank++)
                {
                    // The manager's first accessories sell best.
                    if (random.NextDouble() < 0.38 / (rank + 1))
                    {
                        var accessory = accessories[rank];
                        consultation.Lines.Add(new BasketLine { ProductId = accessory.Id, Role = BasketLineRole.Accessory, UnitPriceMinor = accessory.PriceMinor, AddedAt = at.AddSeconds(10 * (rank + 1)) });
                    }
                }
            }
        }
        if (!consultation.AccessoriesStoppedByNegativeReaction && random.NextDouble() < 0.18 && catalog.Companion(main) is { } companion
            && consultation.Lines.All(l => l.ProductId != companion.Id))
        {
            consultation.Lines.Add(new BasketLine { ProductId = companion.Id, Role = BasketLineRole.Extra, UnitPriceMinor = companion.PriceMinor, AddedAt = at.AddSeconds(50) });
        }

        var finishedAt = at.AddSeconds(60 + random.Next(120));
        consultation.Step = ConsultationStep.Finished;
        consultation.FinishedAt = finishedAt;
        consultation.FinishedOn = DateOnly.FromDateTime(finishedAt.UtcDateTime);
        return consultation;
    }

    private static Guid SeededGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Offer Offer(OfferStep step, DemoProduct product, DateTimeOffset at, int? lead, DemoAbTest? abTest, int maxPoints = CatalogLimits.MaxTalkingPoints)
    {
        var points = lead is { } leadId && abTest is not null
            ? AbTestVariants.Arrange(product.TalkingPointIds, id => id, abTest.Test, leadId)
            : product.TalkingPointIds;
        return new Offer
        {
            Step = step,
            ProductId = product.Id,
            ShownAt = at,
            AbTestId = abTest?.Test.Id,
            LeadTalkingPointId = lead,
            TalkingPoints = points.Take(maxPoints).Select((p, i) => new OfferTalkingPoint { TalkingPointId = p, Position = i }).ToList(),
        };
    }

    private static SaleOrder TillOrder(Random random, DemoCatalog catalog, string orderNumber, DateTimeOffset soldAt, DateTimeOffset now)
    {
        var main = catalog.PickBaseline(random);
        var products = new List<DemoProduct> { main };
        var accessories = catalog.Accessories(main);
        foreach (var accessory in accessories.Where((_, rank) => random.NextDouble() < 0.3 / (rank + 1)))
        {
            products.Add(accessory);
        }
        if (random.NextDouble() < 0.25 && catalog.Companion(main) is { } companion && !products.Contains(companion))
        {
            products.Add(companion);
        }
        return new SaleOrder
        {
            OrderNumber = orderNumber,
            SoldAt = soldAt,
            ImportedAt = now,
            IsDemo = true,
            Lines = products.Select(p => new SaleLine { ProductId = p.Id, Quantity = 1 + (random.NextDouble() < 0.1 ? 1 : 0) }).ToList(),
        };
    }

    public const string DemoEmailDomain = "@demo.invalid";
    public const string StartedBy = "Demo history";

    /// <summary>Demo clerks cannot sign in: they have no password and are locked out for good.</summary>
    private static async Task<List<string>> DemoClerksAsync(SalesDb db, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var name in ClerkNames)
        {
            var email = $"demo-{name.ToLowerInvariant()}{DemoEmailDomain}";
            var existing = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                ids.Add(existing);
                continue;
            }
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"{name} (demo)",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                LockoutEnd = DateTimeOffset.MaxValue,
            };
            db.Users.Add(user);
            ids.Add(user.Id);
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>A finished A/B test on an up-sell product with two talking points, over the whole history but its last day.</summary>
    private static async Task<DemoAbTest?> DemoAbTestAsync(SalesDb db, DemoCatalog catalog, DateTimeOffset now, int days, CancellationToken ct)
    {
        var product = catalog.AbTestCandidate();
        if (product is null)
        {
            return null;
        }
        var test = new TalkingPointAbTest
        {
            ProductId = product.Id,
            PointAId = product.TalkingPointIds[0],
            PointBId = product.TalkingPointIds[1],
            StartedAt = now.AddDays(-days),
            EndedAt = now.AddDays(-1),
            StartedBy = StartedBy,
        };
        db.TalkingPointAbTests.Add(test);
        await db.SaveChangesAsync(ct);
        return new DemoAbTest(test);
    }

    /// <summary>The demo's test with its offers counted as they are generated, so the variants alternate as at the counter.</summary>
    private sealed class DemoAbTest(TalkingPointAbTest test)
    {
        private int ledByA;
        private int ledByB;

        public TalkingPointAbTest Test { get; } = test;

        public int NextLead()
        {
            var lead = AbTestVariants.NextLead(Test, ledByA, ledByB);
            if (lead == Test.PointAId)
            {
                ledByA++;
            }
            else
            {
                ledByB++;
            }
            return lead;
        }
    }
}
