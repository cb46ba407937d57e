// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {TicketSales} from "./TicketSales.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title TicketSeats
/// @notice Reserved seating: seats of a reserved tier are sold by number, one token id per seat
/// (`seatTokenId`), with the same escrow, wallet cap and public quota as `buy`.
abstract contract TicketSeats is TicketSales {
    using P for uint256;

    /// @notice Primary sale of reserved seats at face value, one transaction for a group: seat `s` of
    /// a reserved tier becomes token `seatTokenId(tierId, s)`. Same payment, escrow, wallet cap and
    /// public quota as `buy`. A seat exists once: of two buyers racing for it, the second reverts with
    /// `EventTicketSeatTaken` and pays nothing.
    /// @return price The total paid.
    function buySeats(uint8 tierId, uint32[] calldata seats) external payable nonReentrant returns (uint256 price) {
        uint256 t = _tierWord(tierId);
        if (!t.reserved()) revert EventTicketNotReserved(tierId);
        uint256 n = seats.length;
        _checkBatch(n);
        if (block.timestamp >= endTime) revert EventTicketSaleClosed();
        uint256 state = _openState();
        _checkPublicQuota(state.totalMinted() + state.seatsSold(), n);
        price = t.faceValue() * n;
        uint256 word = P.newToken(msg.sender, tierId, P.PAID);
        bool soulbound = _startsLocked(word);
        uint256 supply = t.supply();
        uint256 base = P.SEAT_ID_BASE | (uint256(tierId) << 24);
        for (uint256 i; i < n; ++i) {
            uint32 seat = seats[i];
            if (seat >= supply) revert EventTicketUnknownSeat(tierId, seat);
            uint256 id = base | seat;
            if (_tokens[id] != 0) revert EventTicketSeatTaken(tierId, seat);
            _tokens[id] = word;
            emit Transfer(address(0), msg.sender, id);
            if (soulbound) emit Locked(id);
        }
        _creditWallet(msg.sender, n, n);
        _state = state.addSeats(tierId, n);
        escrowBalance += price;
        emit SeatsPurchased(msg.sender, tierId, seats, price);
        // Payment last: a token that calls back finds the sale complete, and nothing it changes is overwritten.
        _collect(price);
        if (msg.sender.code.length != 0) {
            for (uint256 i; i < n; ++i) {
                ERC721Utils.checkOnERC721Received(msg.sender, address(0), msg.sender, base | seats[i], "");
            }
        }
    }

    /// @notice Token id of seat `seat` of reserved tier `tierId` (lib/seating computes the same).
    function seatTokenId(uint8 tierId, uint32 seat) external pure returns (uint256) {
        return P.SEAT_ID_BASE | (uint256(tierId) << 24) | seat;
    }
}
