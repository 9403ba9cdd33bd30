using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Families;

public sealed record FamilyRow(int Id, string Name, int MemberCount);

public sealed record FamilyMember(int ProductId, string Sku, string Name, int Tier, Money Price, int Stock, bool IsActive);

public sealed record FamilyDetails(int Id, string Name, IReadOnlyList<FamilyMember> Members);

public sealed class FamilyNameModel
{
    public string Name { get; set; } = "";
}

public sealed class FamilyNameValidator : AbstractValidator<FamilyNameModel>
{
    public FamilyNameValidator(IStringLocalizer<ManageText> L) =>
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => L["Give the family a name, e.g. “Crisp toasters”."])
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.FamilyMaxLength).WithMessage(_ => L["At most {0} characters.", CatalogLimits.FamilyMaxLength]);
}

/// <summary>Up-sell families: the products of one family are tiers of each other, 1 (entry level) to n, offered cheapest first.</summary>
public sealed class FamilyService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, IStringLocalizer<ManageText>? text = null)
{
    private readonly IStringLocalizer<ManageText> L = text ?? ManageText.Standalone;
    private readonly FamilyNameValidator nameRules = new(text ?? ManageText.Standalone);

    public async Task<PagedResult<FamilyRow>> SearchAsync(string? term, int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Families.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var folded = TextFolding.Fold(term);
            query = query.Where(f => f.SearchName.Contains(folded));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(f => f.Name).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(f => new FamilyRow(f.Id, f.Name, f.Members.Count(m => m.IsActive)))
            .ToListAsync(ct);
        return new PagedResult<FamilyRow>(items, total);
    }

    public async Task<FamilyDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Families.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FamilyDetails(f.Id, f.Name, f.Members.Where(m => m.Tier != null).OrderBy(m => m.Tier)
                .Select(m => new FamilyMember(m.Id, m.Sku, m.Name, m.Tier!.Value, new Money(m.PriceMinor), m.Stock, m.IsActive)).ToList()))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<(ChangeResult Result, int? Id)> CreateAsync(FamilyNameModel model, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (await InvalidAsync(model, null, ct) is { } invalid)
        {
            return (invalid, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = new Family { Name = model.Name.Trim() };
        db.Families.Add(family);
        await db.SaveChangesAsync(ct);
        return (ChangeResult.Saved, family.Id);
    }

    public async Task<ChangeResult> RenameAsync(int id, FamilyNameModel model, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (await InvalidAsync(model, id, ct) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = await db.Families.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return ChangeResult.NotFound;
        }
        family.Name = model.Name.Trim();
        await db.SaveChangesAsync(ct);
        return ChangeResult.Saved;
    }

    /// <summary>Adds a product that is in no family as the family's new top tier.</summary>
    public async Task<ChangeResult> AddMemberAsync(int familyId, string sku, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.Include(p => p.Family).FirstOrDefaultAsync(p => p.Sku == sku.Trim(), ct);
        if (product is null)
        {
            return ChangeResult.Invalid(L["There is no product with the SKU {0}.", sku]);
        }
        if (product.FamilyId == familyId)
        {
            return ChangeResult.Saved;
        }
        if (product.Family is not null)
        {
            return ChangeResult.Invalid(L["{0} is already in the family “{1}”: remove it there first.", product.Sku, product.Family.Name]);
        }
        if (!await db.Families.AnyAsync(f => f.Id == familyId, ct))
        {
            return ChangeResult.NotFound;
        }
        product.FamilyId = familyId;
        product.Tier = (await db.Products.Where(p => p.FamilyId == familyId).MaxAsync(p => p.Tier, ct) ?? 0) + 1;
        product.Version++;
        await db.SaveChangesAsync(ct);
        return ChangeResult.Saved;
    }

    public async Task<ChangeResult> RemoveMemberAsync(int familyId, int productId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var members = await MembersAsync(db, familyId, ct);
        var member = members.FirstOrDefault(m => m.Id == productId);
        if (member is null)
        {
            return ChangeResult.Saved;
        }
        member.FamilyId = null;
        member.Tier = null;
        member.Version++;
        members.Remove(member);
        await db.SaveChangesAsync(ct);
        await RenumberAsync(db, members, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Saved;
    }

    /// <summary>Moves a member one tier down (-1, towards entry level) or up (+1).</summary>
    public async Task<ChangeResult> MoveAsync(int familyId, int productId, int offset, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var members = await MembersAsync(db, familyId, ct);
        var index = members.FindIndex(m => m.Id == productId);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= members.Count)
        {
            return ChangeResult.Saved;
        }
        (members[index], members[target]) = (members[target], members[index]);
        await RenumberAsync(db, members, ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Saved;
    }

    private static Task<List<Product>> MembersAsync(SalesDb db, int familyId, CancellationToken ct) =>
        db.Products.Where(p => p.FamilyId == familyId).OrderBy(p => p.Tier).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>Tiers become 1..n in list order. Tiers are unique, so they are cleared first and then set.</summary>
    private static async Task RenumberAsync(SalesDb db, List<Product> members, CancellationToken ct)
    {
        var changed = members.Where((m, i) => m.Tier != i + 1).ToList();
        foreach (var member in changed)
        {
            member.Tier = null;
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < members.Count; i++)
        {
            if (changed.Contains(members[i]))
            {
                members[i].Tier = i + 1;
                members[i].Version++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<ChangeResult?> InvalidAsync(FamilyNameModel model, int? id, CancellationToken ct)
    {
        if (ChangeResult.UnlessValid(await nameRules.ValidateAsync(model, ct)) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = model.Name.Trim();
        var upper = name.ToUpperInvariant();
        var taken = await db.Families.AnyAsync(f => f.Id != id && f.Name.ToUpper() == upper, ct);
        return taken ? ChangeResult.Invalid(L["There is already a family called “{0}”.", name]) : null;
    }
}
