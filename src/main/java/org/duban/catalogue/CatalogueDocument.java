package org.duban.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.measure.dto.CreateMeasureRequest;

/** A catalogue: the units it names and its measures, in the shape POST /measures takes. */
public record CatalogueDocument(
    String source,
    String note,
    @NotNull List<@Valid @NotNull CreateUnitRequest> units,
    @NotNull List<@Valid @NotNull CreateMeasureRequest> measures) {}
